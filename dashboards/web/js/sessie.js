// The session contract of issue #6: GET/POST/DELETE /api/v1/sessie. A 404 means the session API is
// not in this build yet: pages then work without login (development), never silently otherwise.
let huidige = null;

/** The session, null when the session API is absent; navigates to the login page on 401. */
export async function laadSessie() {
  const antwoord = await fetch('/api/v1/sessie', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) {
    const terug = location.pathname + location.search;
    location.assign('/inloggen.html?terug=' + encodeURIComponent(terug));
    return new Promise(() => {}); // the page is leaving; nothing more to do
  }
  if (antwoord.status === 404) { huidige = null; return null; }
  if (!antwoord.ok) throw new Error('De sessie is niet op te vragen (' + antwoord.status + ').');
  huidige = await antwoord.json();
  return huidige;
}

export function sessie() { return huidige; }

export function zetSessie(waarde) { huidige = waarde; }

/** The CSRF header every changing request carries (empty without a session). */
export function csrfKoppen() {
  return huidige && huidige.csrfToken ? { 'X-CSRF-TOKEN': huidige.csrfToken } : {};
}

/** Ends this session; after a login through the gemeente the API names the provider's logout, which ends that one too. */
export async function logUit() {
  const antwoord = await fetch('/api/v1/sessie', {
    method: 'DELETE', credentials: 'same-origin', headers: { Accept: 'application/json', ...csrfKoppen() },
  });
  huidige = null;
  let vervolg = '/inloggen.html';
  if (antwoord.status === 200) {
    const uitgelogd = await antwoord.json();
    if (uitgelogd.uitloggenBijGemeente) vervolg = uitgelogd.uitloggenBijGemeente;
  }
  location.assign(vervolg);
}

/** Only a path on this site: an open redirect through ?terug= would help phishing. */
export function veiligTerug(waarde) {
  if (typeof waarde !== 'string' || !waarde.startsWith('/') || waarde.startsWith('//') || waarde.includes('\\')) return '/';
  return waarde;
}
