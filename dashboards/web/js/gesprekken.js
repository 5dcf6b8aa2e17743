import { api } from './api.js';
import { el, tabel } from './dom.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';
import { momentTekst } from './agenda.js';

// A klantmanager's own gesprekken on the klantmanager's page: the "Gesprek plannen" form (POST …/gesprekken) and
// the "Gesprek verzetten" form (POST …/gesprekken/{id}/verzetting), both in the Agenda section right under the free
// moments, and the client's gesprekken in the dossier. A free moment chosen in the agenda (its 'moment-gekozen'
// event) goes into the open form's moment field, which then takes the focus; "Kies een vrij moment" takes the focus
// to the free moments. Whether the moment fits is the server's answer, shown next to the field it names.

export const soortWoorden = { herbeoordeling: 'Herbeoordeling', participatiegesprek: 'Participatiegesprek', voortgang: 'Voortgangsgesprek' };
const vormWoorden = { kantoor: 'Op kantoor', huisbezoek: 'Huisbezoek', telefonisch: 'Telefonisch', video: 'Video' };
const statusWoorden = {
  gepland: 'Gepland (uitnodiging volgt)', uitgenodigd: 'Uitgenodigd', herinnerd: 'Herinnerd', gehouden: 'Gehouden',
  'niet-verschenen': 'Niet verschenen', geannuleerd: 'Geannuleerd',
};

/** A gesprek that is still to come or still without an outcome. */
export const isOpen = g => g.status === 'gepland' || g.status === 'uitgenodigd' || g.status === 'herinnerd';

let opties = { klaar: async () => {} };
let planVoor = null; // { klantnummer, naam } the plan form was opened for
let verzetVan = null; // { klantnummer, naam, gesprek } the move form is for

const klantPad = klantnummer => '/api/v1/klanten/' + encodeURIComponent(klantnummer) + '/gesprekken';
const planForm = () => document.getElementById('gesprek-form');
const verzetForm = () => document.getElementById('verzet-form');

/** The value a datetime-local field shows for an ISO moment, in the browser's time. */
function naarInvoer(iso) {
  const d = new Date(iso);
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value (the browser's time) as an ISO moment for the API; null when empty or incomplete. */
function naarMoment(invoer) {
  if (!invoer) return null;
  const d = new Date(invoer);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** "herbeoordeling op donderdag 3 december, 09:45–10:30, op kantoor (Gemeentekantoor)" */
export function gesprekTekst(g) {
  const vorm = g.vorm === 'kantoor' ? 'op kantoor' + (g.locatie ? ` (${g.locatie})` : '') : (vormWoorden[g.vorm] || g.vorm || '').toLowerCase();
  return `${(soortWoorden[g.soort] || g.soort || 'gesprek').toLowerCase()} op ${momentTekst(g)}` + (vorm ? ', ' + vorm : '');
}

/**
 * Wires both forms once. klaar(sectieId, focusNa, klantnummer) is called after a success: it closes the form, puts
 * the focus on focusNa (or back on the button that opened the form) and redraws what shows the client.
 */
export function koppelGesprekken(gegeven) {
  opties = gegeven;
  const plan = planForm();
  plan.addEventListener('submit', e => { e.preventDefault(); bezig(plan, verstuurPlan); });
  plan.addEventListener('change', e => { if (e.target.name === 'vorm') toonLocatie(); });
  // A changed klantnummer is another client: the name shown for the old one no longer holds.
  plan.elements.namedItem('klantnummer').addEventListener('input', () => {
    planVoor = null;
    document.getElementById('gesprek-klant-hint').textContent = '';
  });
  document.getElementById('gesprek-annuleer').addEventListener('click', () => opties.sluit('gesprek-sectie'));
  document.getElementById('agenda-gesprek-plannen').addEventListener('click', () => openGesprekForm({}));
  const verzet = verzetForm();
  verzet.addEventListener('submit', e => { e.preventDefault(); bezig(verzet, verstuurVerzetting); });
  document.getElementById('verzet-annuleer').addEventListener('click', () => opties.sluit('verzet-sectie'));

  const agenda = document.getElementById('agenda');
  agenda.addEventListener('click', e => {
    const knop = e.target.closest('button[data-kies-moment]');
    if (knop) naarVrijeMomenten();
  });
  agenda.addEventListener('moment-gekozen', e => {
    const veld = openMomentVeld();
    if (!veld) return;
    veld.value = naarInvoer(e.detail.start);
    veld.focus();
  });
}

// The one form that takes a chosen moment: the plan form or the move form, whichever is open (never both).
function openMomentVeld() {
  if (!document.getElementById('gesprek-sectie').hidden) return planForm().elements.namedItem('moment');
  if (!document.getElementById('verzet-sectie').hidden) return verzetForm().elements.namedItem('nieuwMoment');
  return null;
}

// To the chosen free moment, or the first; a week without any sends the user on to the next week.
function naarVrijeMomenten() {
  const knop = document.querySelector('#vrije-momenten button[aria-pressed="true"]') || document.querySelector('#vrije-momenten button[data-moment]');
  if (knop) { knop.focus(); return; }
  const status = document.getElementById('moment-gekozen');
  if (status) status.textContent = 'In deze week zijn geen vrije momenten. Kies Volgende week.';
  document.getElementById('agenda-volgende').focus();
}

function gekozenMoment() {
  const knop = document.querySelector('#vrije-momenten button[aria-pressed="true"]');
  return knop ? naarInvoer(knop.dataset.moment) : '';
}

function toonLocatie() {
  document.getElementById('gesprek-locatie-veld').hidden = planForm().elements.namedItem('vorm').value !== 'kantoor';
}

/** Opens the plan form, for a client ({ klantnummer, naam }) when known, with a soort chosen beforehand (herbeoordeling from a prompt). */
export function openGesprekForm({ klantnummer = '', naam = '', soort = '' }) {
  document.getElementById('verzet-sectie').hidden = true;
  const form = planForm();
  form.reset();
  wisProbleem(document.getElementById('gesprek-fouten'), form);
  planVoor = klantnummer ? { klantnummer, naam: naam || klantnummer } : null;
  form.elements.namedItem('klantnummer').value = klantnummer;
  document.getElementById('gesprek-klant-hint').textContent = naam ? naam : '';
  form.elements.namedItem('soort').value = soort;
  form.elements.namedItem('moment').value = gekozenMoment();
  toonLocatie();
  document.getElementById('gesprek-sectie').hidden = false;
  document.getElementById('kop-gesprek').focus();
}

async function verstuurPlan() {
  const form = planForm();
  const fouten = document.getElementById('gesprek-fouten');
  const klantnummer = waarde(form, 'klantnummer');
  if (!klantnummer) {
    toonProbleem(fouten, { probleem: { title: 'Vul het klantnummer in', errors: { klantnummer: ['Vul het klantnummer van de klant in.'] } } }, form);
    return;
  }
  const vorm = waarde(form, 'vorm');
  const duur = waarde(form, 'duurMinuten');
  const body = {
    moment: naarMoment(waarde(form, 'moment')),
    duurMinuten: duur === null ? null : Number(duur),
    vorm,
    soort: waarde(form, 'soort'),
    locatie: vorm === 'kantoor' ? waarde(form, 'locatie') : null,
    toelichting: waarde(form, 'toelichting'),
  };
  try {
    const g = await api(klantPad(klantnummer), { methode: 'POST', body });
    wisProbleem(fouten, form);
    const naam = planVoor && planVoor.klantnummer === klantnummer ? planVoor.naam : 'klant ' + klantnummer;
    const resultaat = document.getElementById('resultaat');
    toonGelukt(resultaat, `Gesprek gepland met ${naam}: ${gesprekTekst(g)}.` + (g.status === 'uitgenodigd' ? ' De uitnodiging is verstuurd.' : ''));
    const gelukt = resultaat.querySelector('.gelukt');
    gelukt.setAttribute('data-gelukt', 'gesprek');
    const dossier = el('button', { type: 'button', class: 'tweede', 'data-actie': 'dossier', 'data-sleutel': klantnummer + '|resultaat' },
      planVoor && planVoor.klantnummer === klantnummer ? 'Dossier van ' + planVoor.naam : 'Dossier van klant ' + klantnummer);
    gelukt.append(dossier);
    // The button that opened the form may leave the werklijst (the prompt is planned now): on to the dossier.
    await opties.klaar('gesprek-sectie', dossier, klantnummer);
  } catch (fout) {
    // The server does not say whether a klantnummer exists that is not one's own (no oracle): the field is named here.
    if (fout.status === 403 || fout.status === 404) fout.probleem = { ...fout.probleem, errors: { klantnummer: ['Dit klantnummer hoort niet bij uw klanten of bestaat niet.'] } };
    toonProbleem(fouten, fout, form);
  }
}

/** Opens the move form for one gesprek of a client. */
export function openVerzetForm({ klantnummer, naam, gesprek }) {
  document.getElementById('gesprek-sectie').hidden = true;
  verzetVan = { klantnummer, naam, gesprek };
  const form = verzetForm();
  form.reset();
  wisProbleem(document.getElementById('verzet-fouten'), form);
  document.getElementById('verzet-wie').textContent = `${naam} (${klantnummer}) — nu: ${gesprekTekst(gesprek)}. ` +
    (gesprek.verzetAantal ? `Al ${gesprek.verzetAantal} keer verzet.` : 'Nog niet verzet.');
  form.elements.namedItem('nieuwMoment').value = gekozenMoment();
  document.getElementById('verzet-sectie').hidden = false;
  document.getElementById('kop-verzet').focus();
}

async function verstuurVerzetting() {
  const form = verzetForm();
  const fouten = document.getElementById('verzet-fouten');
  const { klantnummer, naam, gesprek } = verzetVan;
  const body = { nieuwMoment: naarMoment(waarde(form, 'nieuwMoment')), opVerzoekVan: form.elements.namedItem('opVerzoekVan').value || null, reden: waarde(form, 'reden') };
  try {
    const g = await api(`${klantPad(klantnummer)}/${encodeURIComponent(gesprek.id)}/verzetting`, { methode: 'POST', body });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('resultaat'),
      `Gesprek met ${naam} verzet naar ${momentTekst(g)}. De klant krijgt een brief met het nieuwe moment. Dit gesprek is nu ${g.verzetAantal} keer verzet.`);
    document.getElementById('resultaat').querySelector('.gelukt').setAttribute('data-gelukt', 'verzetting');
    await opties.klaar('verzet-sectie', null, klantnummer);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

/**
 * The dossier's part: the client's gesprekken (soort, moment, vorm, stand, how often moved) with Verzetten for a
 * gesprek still to come and Uitkomst for one that has been (verleden(g) says which), and Gesprek plannen when the
 * client has no open gesprek.
 */
export function gesprekkenInDossier({ klantnummer, naam, inBestand, gesprekken, soort, verleden }) {
  const rijen = gesprekken.map(g => {
    const eigen = g.eigenGesprek === true;
    const acties = [];
    if (isOpen(g) && verleden(g))
      acties.push(el('button', { type: 'button', 'data-actie': 'uitkomst', 'data-gesprek': g.id, 'data-sleutel': `${klantnummer}|dossier-uitkomst|${g.id}`,
        'aria-label': `Uitkomst vastleggen: ${momentTekst(g)}` }, 'Uitkomst vastleggen'));
    else if (isOpen(g))
      acties.push(el('button', { type: 'button', class: 'tweede', 'data-actie': 'verzetten', 'data-gesprek': g.id, 'data-sleutel': `${klantnummer}|verzetten|${g.id}`,
        'aria-label': `Verzetten: ${momentTekst(g)}` }, 'Verzetten'));
    return [
      el('span', {}, soortWoorden[g.soort] || g.soort, eigen ? null : el('span', { class: 'toelichting' }, ` (${g.campagneNaam}, uitnodiging ${g.poging})`)),
      momentTekst(g),
      (vormWoorden[g.vorm] || g.vorm) + (g.vorm === 'kantoor' && g.locatie ? `: ${g.locatie}` : ''),
      statusWoorden[g.status] || g.status,
      g.verzetAantal || 0,
      acties.length ? el('div', { class: 'knoppen' }, acties) : '—',
    ];
  });
  const open = gesprekken.some(isOpen);
  return [
    el('h3', {}, 'Gesprekken'),
    tabel('Gesprekken met ' + naam, [{ kop: 'Gesprek', rijkop: true }, { kop: 'Moment' }, { kop: 'Vorm' }, { kop: 'Stand' }, { kop: 'Keer verzet', getal: true }, { kop: 'Acties' }],
      rijen, { leegTekst: 'Geen gesprekken.' }),
    inBestand && !open
      ? el('div', { class: 'knoppen' }, el('button', { type: 'button', 'data-actie': 'gesprek-plannen', 'data-sleutel': klantnummer + '|dossier-gesprek', 'data-naam': naam,
        'data-soort': soort || '', 'aria-label': 'Gesprek plannen met ' + naam }, 'Gesprek plannen'))
      : el('p', { class: 'toelichting' }, open ? 'Er staat een gesprek open. Verzet dat gesprek, of leg eerst de uitkomst vast.' : 'De klant is niet meer in het bestand.'),
  ];
}
