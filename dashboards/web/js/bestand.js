import { api } from './api.js';
import { el, vervang, tabel, getal } from './dom.js';
import { volger } from './live.js';
import { toonProbleem, wisProbleem, bezig } from './formulier.js';

// The bestand import on the beheer page. The server takes the file and runs the import as a job; this
// page follows the job live (/hubs/bestand): a progress bar per step with the rows and the time left, then
// the report. A running import is picked up again when the page is opened later.

const STAPPEN = {
  controleren: 'het bestand lezen en controleren',
  toepassen: 'klanten bijwerken',
  'uit-bestand': 'nagaan wie niet meer in de export staat',
};

let gevolgd = null;     // the id of the import this page shows
let getoondEinde = null; // the import whose end was shown (pushes may repeat the last stand)
let gemeldeFase = null;
const volg = volger('/hubs/bestand', { Import: toon });

export async function startImport() {
  const form = document.getElementById('import-form');
  form.addEventListener('submit', e => { e.preventDefault(); bezig(form, importeer); });
  // Not disabled while it works: a disabled button would drop the keyboard focus to the top of the page.
  let afbreken = false;
  document.getElementById('import-afbreken').addEventListener('click', () => {
    if (afbreken) return;
    afbreken = true;
    breekAf().finally(() => { afbreken = false; });
  });
  const recent = await api('/api/v1/bestand/imports');
  const lopend = recent.find(i => i.status === 'bezig');
  if (lopend) await volgImport(await api(lopend.adres));
}

async function importeer() {
  const form = document.getElementById('import-form');
  const fouten = document.getElementById('import-fouten');
  const bestand = form.elements.namedItem('bestand').files[0];
  if (!bestand) {
    toonProbleem(fouten, { probleem: { title: 'Kies een bestand', errors: { bestand: ['Kies het CSV-bestand dat u wilt importeren.'] } } }, form);
    return;
  }
  const vragen = [];
  if (form.elements.namedItem('gedeeltelijk').checked) vragen.push('gedeeltelijk=true');
  if (form.elements.namedItem('controle').checked) vragen.push('controle=true');
  try {
    const stand = await api('/api/v1/bestand' + (vragen.length ? '?' + vragen.join('&') : ''), { methode: 'POST', body: bestand, inhoudType: bestand.type || 'text/csv' });
    wisProbleem(fouten, form);
    vervang(document.getElementById('import-rapport'));
    await volgImport(stand);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
    // Another import runs: show how far that one is.
    if (fout.status === 409 && fout.probleem.import) await volgImport(fout.probleem.import);
  }
}

async function volgImport(stand) {
  gevolgd = stand.id;
  gemeldeFase = null;
  toon(stand);
  if (stand.status === 'bezig') await volg(stand.id);
}

async function breekAf() {
  if (!gevolgd) return;
  try {
    toon(await api('/api/v1/bestand/imports/' + encodeURIComponent(gevolgd), { methode: 'DELETE' }));
  } catch (fout) {
    toonProbleem(document.getElementById('import-fouten'), fout, null);
  }
}

function toon(stand) {
  if (!stand || stand.id !== gevolgd) return;
  const voortgang = document.getElementById('import-voortgang');
  if (stand.status === 'bezig') {
    toonVoortgang(stand);
    voortgang.hidden = false;
    return;
  }
  const hadFocus = voortgang.contains(document.activeElement);
  voortgang.hidden = true;
  if (getoondEinde === stand.id) return;
  getoondEinde = stand.id;
  const form = document.getElementById('import-form');
  const fouten = document.getElementById('import-fouten');
  if (stand.status === 'mislukt') toonProbleem(fouten, { probleem: { title: stand.titel, detail: stand.melding } }, form);
  else {
    wisProbleem(fouten, form);
    meld(stand.titel + '.');
  }
  if (stand.rapport) toonRapport(stand.rapport, stand.titel);
  // The cancel button went with the progress: the focus goes to the report's heading, not to nowhere.
  if (hadFocus && stand.status !== 'mislukt') document.querySelector('#import-rapport h3')?.focus();
}

function toonVoortgang(stand) {
  const v = stand.voortgang;
  const stap = stand.controle ? 'het bestand controleren' : STAPPEN[stand.fase] || '';
  document.getElementById('import-stap').textContent = `Stap ${v.stap} van ${v.stappen}: ${stap}`;
  const balk = document.getElementById('import-balk');
  balk.max = Math.max(1, v.totaal);
  balk.value = Math.min(v.gedaan, balk.max);
  const procent = Math.floor((100 * balk.value) / balk.max);
  const aantallen = stand.fase === 'controleren'
    ? `${getal.format(stand.regelsGelezen)} regels gelezen (${procent} %)` + (stand.aantalFouten ? `, ${getal.format(stand.aantalFouten)} ${stand.aantalFouten === 1 ? 'fout' : 'fouten'} tot nu toe` : '')
    : stand.fase === 'toepassen'
      ? `${getal.format(v.gedaan)} van ${getal.format(v.totaal)} klanten bijgewerkt (${procent} %)`
      : `${getal.format(v.gedaan)} van ${getal.format(v.totaal)} klanten uit het bestand gehaald (${procent} %)`;
  document.getElementById('import-aantallen').textContent = `${aantallen}. ${resterend(v.resterendeSeconden)}`;
  if (gemeldeFase !== stand.fase) {
    gemeldeFase = stand.fase;
    meld(`Import: stap ${v.stap} van ${v.stappen}, ${stap}.`);
  }
}

/** The time left in words, for a beheerder. */
function resterend(seconden) {
  if (seconden === null || seconden === undefined) return 'De resterende tijd wordt nog geschat.';
  if (seconden < 60) return 'Nog minder dan een minuut.';
  const minuten = Math.ceil(seconden / 60);
  if (minuten < 60) return `Nog ongeveer ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}.`;
  const uren = Math.floor(minuten / 60), rest = minuten % 60;
  return `Nog ongeveer ${uren} uur` + (rest ? ` en ${rest} ${rest === 1 ? 'minuut' : 'minuten'}.` : '.');
}

/** Status changes only (a new step, the end): live numbers are not announced on every push. */
function meld(tekst) {
  document.getElementById('import-melding').textContent = tekst;
}

function toonRapport(r, kop) {
  const cijfers = [['Regels', r.regels], ['Nieuw', r.nieuw], ['Gewijzigd', r.gewijzigd], ['Ongewijzigd', r.ongewijzigd],
    ['Terug in het bestand', r.terugInBestand], ['Afgewezen', r.afgewezen], ['Uit het bestand', r.uitBestand], ['Fouten', r.aantalFouten],
    ['Waarschuwingen', r.aantalWaarschuwingen]];
  const lijst = (naam, meldingen, aantal) => tabel(`${naam} (${aantal > meldingen.length ? 'eerste ' + meldingen.length + ' van ' + aantal : meldingen.length})`,
    [{ kop: 'Regel', rijkop: true, getal: true }, { kop: 'Kolom' }, { kop: 'Reden' }], meldingen.map(f => [String(f.regel), f.veld, f.reden]));
  vervang(document.getElementById('import-rapport'),
    el('h3', { tabindex: -1 }, kop),
    r.melding ? el('p', {}, r.melding) : null,
    el('dl', { class: 'kengetallen', 'data-rapport': r.importId }, cijfers.map(([naam, n]) => el('div', {}, el('dt', {}, naam), el('dd', {}, getal.format(n ?? 0))))),
    r.fouten && r.fouten.length ? lijst('Afgewezen regels', r.fouten, r.aantalFouten) : null,
    r.waarschuwingen && r.waarschuwingen.length ? lijst('Waarschuwingen', r.waarschuwingen, r.aantalWaarschuwingen) : null);
}
