import { api } from './api.js';
import { el, vervang, datum, tabel, woorden } from './dom.js';
import { startPagina, magPagina, geenToegang } from './kop.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';
import { startImport } from './bestand.js';
import { startPrivacy } from './privacy.js';

// Which lifecycle steps a status allows, as CampagneGrain enforces them (it answers 409 otherwise).
const OVERGANGEN = {
  concept: [['start', 'Start']],
  actief: [['pauzeer', 'Pauzeer'], ['annuleer', 'Annuleer']],
  gepauzeerd: [['hervat', 'Hervat'], ['annuleer', 'Annuleer']],
};

const sessie = await startPagina();
if (!magPagina(sessie, '/beheer.html')) geenToegang(document.getElementById('inhoud'), '/beheer.html');
else await start();

async function start() {
  const camp = document.getElementById('campagne-form');
  camp.addEventListener('submit', e => { e.preventDefault(); bezig(camp, maakCampagne); });
  document.getElementById('campagnes').addEventListener('submit', e => {
    e.preventDefault();
    const form = e.target.closest('form[data-campagne]');
    const knop = e.submitter;
    if (form && knop) bezig(form, () => overgang(form, knop.value));
  });
  startPrivacy();
  await Promise.all([toonCampagnes(), startImport()]);
}

async function maakCampagne() {
  const form = document.getElementById('campagne-form');
  const fouten = document.getElementById('campagne-fouten');
  const getalOf = naam => (waarde(form, naam) === null ? null : Number(waarde(form, naam)));
  const selectie = { wijk: waarde(form, 'wijk'), klantmanager: waarde(form, 'klantmanager'), indeling: waarde(form, 'indeling'), nietGesprokenSinds: waarde(form, 'nietGesprokenSinds') };
  const body = {
    naam: waarde(form, 'naam'), id: waarde(form, 'id'), periodeVan: waarde(form, 'periodeVan'), periodeTot: waarde(form, 'periodeTot'),
    uitnodigingDagenVooraf: getalOf('uitnodigingDagenVooraf'), herinneringDagenVooraf: getalOf('herinneringDagenVooraf'),
  };
  if (Object.values(selectie).some(v => v !== null)) body.selectie = selectie;
  // Capacity is all-or-nothing in the API: only sent when both numbers are given, completed with the usual working week.
  if (getalOf('gesprekkenPerDag') !== null || getalOf('slotMinuten') !== null) {
    body.capaciteit = { gesprekkenPerDag: getalOf('gesprekkenPerDag') ?? 4, slotMinuten: getalOf('slotMinuten') ?? 45, begintijd: '09:00:00', eindtijd: '16:30:00',
      werkdagen: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] };
  }
  try {
    const stand = await api('/api/v1/campagnes', { methode: 'POST', body });
    wisProbleem(fouten, form);
    form.reset();
    toonGelukt(document.getElementById('campagne-resultaat'), `Campagne "${stand.definitie.naam}" opgezet (id ${stand.id}, status ${woorden(stand.status)}).`);
    await toonCampagnes();
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

async function toonCampagnes() {
  const campagnes = await api('/api/v1/campagnes');
  vervang(document.getElementById('campagnes'), tabel('Alle campagnes',
    [{ kop: 'Campagne', rijkop: true }, { kop: 'Periode' }, { kop: 'Status' }, { kop: 'Acties' }],
    campagnes.map(c => [
      el('span', {}, c.naam, el('br'), el('span', { class: 'toelichting' }, c.id)),
      `${datum(c.periodeVan)} – ${datum(c.periodeTot)}`,
      el('span', { 'data-status-van': c.id }, woorden(c.status)),
      acties(c)]),
    { leegTekst: 'Nog geen campagnes.' }));
}

function acties(c) {
  const mogelijk = OVERGANGEN[c.status] || [];
  if (mogelijk.length === 0) return el('span', { class: 'leeg' }, 'Geen acties meer.');
  const id = 'toelichting-' + c.id;
  return el('form', { 'data-campagne': c.id, class: 'knoppen', novalidate: true },
    el('div', { class: 'veld' }, el('label', { for: id }, 'Toelichting', el('span', { class: 'hint' }, 'nodig bij annuleren')),
      el('input', { type: 'text', id, name: 'toelichting' })),
    mogelijk.map(([actie, tekst]) => el('button', { type: 'submit', name: 'actie', value: actie, class: actie === 'annuleer' ? 'tweede' : null, 'aria-label': `${tekst}: ${c.naam}` }, tekst)));
}

async function overgang(form, actie) {
  const id = form.dataset.campagne;
  const fouten = document.getElementById('overgang-fouten');
  const toelichting = waarde(form, 'toelichting');
  if (actie === 'annuleer' && !toelichting) {
    toonProbleem(fouten, { probleem: { title: 'Annuleren vraagt een reden', errors: { toelichting: ['Vermeld waarom de campagne wordt geannuleerd.'] } } }, form);
    return;
  }
  try {
    const stand = await api(`/api/v1/campagnes/${encodeURIComponent(id)}/${actie}`, { methode: 'POST', body: { toelichting } });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('overgang-resultaat'), `Campagne ${stand.definitie.naam}: ${woorden(stand.status)}.`);
    await toonCampagnes();
    // The table is drawn anew, the pressed button with it: the focus goes to the campaign's next step
    // (or, when none is left, to the list's heading), not to nowhere at the top of the page.
    const volgende = document.querySelector(`#campagnes form[data-campagne="${CSS.escape(id)}"] button`);
    (volgende || document.getElementById('kop-campagnes')).focus();
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}
