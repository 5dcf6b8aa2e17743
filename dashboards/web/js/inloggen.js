import { toonProbleem, waarde, bezig } from './formulier.js';
import { veiligTerug, zetSessie } from './sessie.js';
import { ApiFout } from './api.js';

const form = document.getElementById('inlog-form');
const fouten = document.getElementById('inlog-fouten');
const terug = veiligTerug(new URLSearchParams(location.search).get('terug') || '/');

const MELDINGEN = {
  uitgelogd: { gemeente: 'U bent uitgelogd, hier en bij de gemeente.' },
  gemeente: { mislukt: 'Inloggen via de gemeente is niet gelukt. Probeer het opnieuw of log hieronder in.' },
};
const zoek = new URLSearchParams(location.search);
for (const [sleutel, teksten] of Object.entries(MELDINGEN)) {
  const tekst = teksten[zoek.get(sleutel)];
  if (tekst) document.getElementById('inlog-melding').textContent = tekst;
}
toonGemeente();

form.addEventListener('submit', e => { e.preventDefault(); bezig(form, logIn); });
form.querySelector('button[type="submit"]').disabled = false;
form.dataset.klaar = '';

async function logIn() {
  const body = { gebruikersnaam: waarde(form, 'gebruikersnaam'), wachtwoord: form.elements.namedItem('wachtwoord').value };
  if (!body.gebruikersnaam || !body.wachtwoord) {
    const errors = {};
    if (!body.gebruikersnaam) errors.gebruikersnaam = ['Vul uw gebruikersnaam in.'];
    if (!body.wachtwoord) errors.wachtwoord = ['Vul uw wachtwoord in.'];
    toonProbleem(fouten, { probleem: { title: 'Vul beide velden in', errors } }, form);
    return;
  }
  const antwoord = await fetch('/api/v1/sessie', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
    body: JSON.stringify(body),
  });
  if (antwoord.ok) {
    zetSessie(await antwoord.json());
    location.assign(terug);
    return;
  }
  let probleem = {};
  try { probleem = await antwoord.json(); } catch { /* no body */ }
  if (antwoord.status === 404) probleem = { title: 'Inloggen is in deze versie nog niet mogelijk', detail: 'De dashboards werken hier zonder aanmelding.' };
  if (antwoord.status === 401 && !probleem.title) probleem = { title: 'Gebruikersnaam of wachtwoord klopt niet' };
  form.elements.namedItem('wachtwoord').value = '';
  toonProbleem(fouten, new ApiFout(antwoord.status, probleem), form);
}

/** The gemeente's identity provider, when this installation has one: a link that logs in there and comes back here. */
async function toonGemeente() {
  const antwoord = await fetch('/api/v1/sessie/aanmeldwijzen', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!antwoord.ok || !(await antwoord.json()).gemeente) return;
  document.getElementById('gemeente-inloggen').href = '/api/v1/sessie/gemeente?terug=' + encodeURIComponent(terug);
  document.getElementById('gemeente').hidden = false;
}
