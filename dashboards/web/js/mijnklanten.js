import { api } from './api.js';
import { el, vervang, datum, tabel, woorden, getal, onthoudFocus } from './dom.js';

// Mijn klanten: the caseload of the logged-in klantmanager and the caseloads they cover for a colleague, from
// GET /api/v1/klanten (page, pageSize, zoek, indeling, herbeoordeling, route, openAfspraken, klantmanager). The
// server decides whose clients these are; the page only asks. Each row's Dossier button is the werklijst's
// (data-actie="dossier"), so klantmanager.js opens the dossier the same way.

const herbeoordelingWoorden = { gepland: 'Gepland', 'aan-de-beurt': 'Aan de beurt', 'te-laat': 'Te laat' };
let zelf = null;
let waargenomen = []; // the colleagues whose caseload this klantmanager covers (GET /api/v1/klantmanagers)
let pagina = 1;
let volgnummer = 0;
let zoekWacht = null;

const form = () => document.getElementById('klanten-zoeken');

/** Shows the section for klantmanager id and starts loading the first page. Returns { ververs } to load the same page again. */
export function startMijnKlanten(id) {
  zelf = id;
  document.getElementById('mijn-klanten').hidden = false;
  const f = form();
  f.addEventListener('submit', e => { e.preventDefault(); zoek(); });
  // A choice in a list shows its result at once; the focus stays on the list.
  f.addEventListener('change', e => { if (e.target.tagName === 'SELECT') zoek(); });
  // Typing a name searches after a short pause, so the count is not read out at every letter.
  f.elements.namedItem('zoek').addEventListener('input', () => { clearTimeout(zoekWacht); zoekWacht = setTimeout(zoek, 500); });
  document.getElementById('klanten-wis').addEventListener('click', () => { f.reset(); zoek(); });
  document.getElementById('klanten-vorige').addEventListener('click', () => naarPagina(pagina - 1));
  document.getElementById('klanten-volgende').addEventListener('click', () => naarPagina(pagina + 1));
  const klaar = vulCaseloadKeuze().then(() => laad());
  return { ververs: () => klaar.then(() => laad()) };
}

// Covering a colleague adds their caseload to the list; the choice "van wie" appears only then.
async function vulCaseloadKeuze() {
  try {
    waargenomen = (await api('/api/v1/klantmanagers')).filter(k => k.vervanger === zelf && k.id !== zelf);
  } catch {
    waargenomen = [];
  }
  const keuze = document.getElementById('klanten-caseload');
  keuze.closest('.veld').hidden = waargenomen.length === 0;
  vervang(keuze,
    el('option', { value: '' }, 'Mijn klanten en die ik waarneem'),
    el('option', { value: zelf }, 'Alleen mijn eigen klanten'),
    waargenomen.map(k => el('option', { value: k.id }, `Klanten van ${k.naam} (ik neem waar${k.vervangenTot ? ' tot en met ' + datum(k.vervangenTot) : ''})`)));
}

function zoek() {
  clearTimeout(zoekWacht);
  pagina = 1;
  laad();
}

function naarPagina(nieuw) {
  pagina = Math.max(1, nieuw);
  laad({ naPaginering: true });
}

function query() {
  const f = form();
  const q = new URLSearchParams({ page: String(pagina), pageSize: f.elements.namedItem('pageSize').value });
  for (const naam of ['zoek', 'klantmanager', 'indeling', 'herbeoordeling', 'route', 'openAfspraken']) {
    const waarde = (f.elements.namedItem(naam).value || '').trim();
    if (waarde) q.set(naam, waarde);
  }
  return q;
}

async function laad({ naPaginering = false } = {}) {
  const nummer = ++volgnummer;
  const lijst = document.getElementById('klanten-lijst');
  const aantal = document.getElementById('klanten-aantal');
  try {
    const antwoord = await api('/api/v1/klanten?' + query());
    if (nummer !== volgnummer) return; // a newer search is on its way
    const paginagrootte = Number(form().elements.namedItem('pageSize').value);
    const paginas = Math.max(1, Math.ceil(antwoord.totaal / paginagrootte));
    if (pagina > paginas && antwoord.totaal > 0) { pagina = paginas; return laad({ naPaginering }); }
    const herstelFocus = onthoudFocus(lijst);
    vervang(lijst, klantenTabel(antwoord.klanten, paginas));
    herstelFocus();
    toonPaginering(paginas, naPaginering);
    const eerste = (pagina - 1) * paginagrootte + 1;
    aantal.textContent = antwoord.totaal === 0
      ? 'Geen klanten gevonden. Kies andere filters of zoek op een ander woord.'
      : `${getal.format(antwoord.totaal)} ${antwoord.totaal === 1 ? 'klant' : 'klanten'} gevonden.` +
        (paginas > 1 ? ` U ziet ${eerste} tot en met ${eerste + antwoord.klanten.length - 1} (pagina ${pagina} van ${paginas}).` : '');
    document.getElementById('mijn-klanten').dataset.totaal = String(antwoord.totaal);
  } catch (fout) {
    if (nummer !== volgnummer) return;
    aantal.textContent = '';
    vervang(lijst, el('div', { class: 'foutmelding' }, el('p', {}, 'De klanten zijn niet op te halen: ' + fout.message)));
    toonPaginering(1, naPaginering);
  }
}

function klantenTabel(klanten, paginas) {
  const metKlantmanager = waargenomen.length > 0;
  const kolommen = [{ kop: 'Klant', rijkop: true }, { kop: 'Indeling' }, { kop: 'Route' }, { kop: 'Herbeoordeling' }];
  if (metKlantmanager) kolommen.push({ kop: 'Klantmanager' });
  kolommen.push({ kop: 'Acties' });
  const rijen = klanten.map(k => {
    const status = k.herbeoordelingGemeld || (k.herbeoordelingDatum ? 'gepland' : null);
    const rij = [
      el('span', { 'data-klant': k.klantnummer }, k.naam, el('br'), el('span', { class: 'toelichting' }, k.klantnummer),
        k.inBestand ? null : el('span', { class: 'toelichting' }, ' — niet meer in het bestand')),
      k.indeling ? woorden(k.indeling) : 'nog niet ingedeeld',
      k.route || '—',
      k.herbeoordelingDatum
        ? el('span', {}, el('span', { class: 'status status-' + status }, herbeoordelingWoorden[status] || woorden(status)), ' ', datum(k.herbeoordelingDatum))
        : '—',
    ];
    if (metKlantmanager) rij.push(k.klantmanager === zelf ? 'Eigen klant' : 'Waarneming voor ' + (waargenomen.find(w => w.id === k.klantmanager)?.naam || k.klantmanager));
    rij.push(el('button', { type: 'button', class: 'tweede', 'data-actie': 'dossier', 'data-sleutel': k.klantnummer + '|mijn-klanten', 'aria-label': 'Dossier van ' + k.naam }, 'Dossier'));
    return rij;
  });
  return tabel(paginas > 1 ? `Mijn klanten, pagina ${pagina} van ${paginas}` : 'Mijn klanten', kolommen, rijen,
    { leegTekst: 'Geen klanten gevonden.' });
}

// The paging buttons stay where they are (never redrawn), so the focus stays on the one pressed. At the first or
// last page that button is switched off; the focus then goes to the table just shown, not to the top of the page.
function toonPaginering(paginas, naPaginering) {
  const vorige = document.getElementById('klanten-vorige');
  const volgende = document.getElementById('klanten-volgende');
  const weg = naPaginering && ((document.activeElement === vorige && pagina <= 1) || (document.activeElement === volgende && pagina >= paginas));
  vorige.disabled = pagina <= 1;
  volgende.disabled = pagina >= paginas;
  document.getElementById('klanten-pagina').textContent = `Pagina ${pagina} van ${paginas}`;
  document.getElementById('klanten-paginering').hidden = paginas <= 1 && pagina <= 1;
  if (weg) document.querySelector('#klanten-lijst [role="region"]').focus();
}
