import { csrfKoppen } from './sessie.js';

/** An API answer that was not 2xx, with its RFC 9457 problem details when the server sent them. */
export class ApiFout extends Error {
  constructor(status, probleem) {
    super((probleem && (probleem.title || probleem.detail)) || ('Fout ' + status));
    this.status = status;
    this.probleem = probleem || {};
  }
}

async function lees(antwoord) {
  const type = antwoord.headers.get('Content-Type') || '';
  if (antwoord.status === 204) return null;
  if (type.includes('json')) return antwoord.json();
  return antwoord.text();
}

/** fetch for the API: JSON in and out, CSRF header on every change, problem details as ApiFout. */
export async function api(pad, { methode = 'GET', body, inhoudType } = {}) {
  const koppen = { Accept: 'application/json, application/problem+json' };
  if (methode !== 'GET' && methode !== 'HEAD') Object.assign(koppen, csrfKoppen());
  let inhoud = body;
  if (body !== undefined && inhoudType === undefined) {
    koppen['Content-Type'] = 'application/json';
    inhoud = JSON.stringify(body);
  } else if (inhoudType) {
    koppen['Content-Type'] = inhoudType;
  }
  const antwoord = await fetch(pad, { method: methode, headers: koppen, body: inhoud, credentials: 'same-origin' });
  if (antwoord.status === 401) {
    location.assign('/inloggen.html?terug=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiFout(401, { title: 'Niet ingelogd' });
  }
  const data = await lees(antwoord);
  if (!antwoord.ok) throw new ApiFout(antwoord.status, typeof data === 'object' ? data : { title: 'Fout ' + antwoord.status, detail: String(data || '') });
  return data;
}
