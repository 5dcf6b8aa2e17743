import { api } from './api.js';
import { el, vervang, datum, datumTijd, tabel } from './dom.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';

// The plan van aanpak in the klantmanager's page: shown in the dossier, changed with the plan form (every
// save is a new version), an afspraak closed with the afronding form. The lists of partners and leefdomeinen
// come from the server's policy (GET /api/v1/plan-van-aanpak/keuzes), never from this file.

const statusWoorden = { open: 'Open', nagekomen: 'Nagekomen', 'niet-nagekomen': 'Niet nagekomen', vervallen: 'Vervallen' };
const wieWoorden = { klant: 'Klant', klantmanager: 'Klantmanager', partner: 'Partner' };
let keuzes = null;
let planVan = null; // { klantnummer, naam, plan } the plan form is for
let afrondingVan = null; // { klantnummer, afspraakId, naam, omschrijving }
let opties = { naWijziging: async () => {}, sluit: () => {} };

const pad = klantnummer => '/api/v1/klanten/' + encodeURIComponent(klantnummer) + '/plan-van-aanpak';

/** Wires the two forms once. naWijziging(klantnummer) redraws what shows the plan; sluit(id) closes a form and puts the focus back. */
export function koppelPlanVanAanpak(gegeven) {
  opties = gegeven;
  const afronding = document.getElementById('afronding-form');
  afronding.addEventListener('submit', e => { e.preventDefault(); bezig(afronding, verstuurAfronding); });
  document.getElementById('afronding-annuleer').addEventListener('click', () => opties.sluit('afronding-sectie'));
  const plan = document.getElementById('plan-form');
  plan.addEventListener('submit', e => { e.preventDefault(); bezig(plan, verstuurPlan); });
  document.getElementById('plan-annuleer').addEventListener('click', () => opties.sluit('plan-sectie'));
  document.getElementById('plan-afspraak-erbij').addEventListener('click', () => {
    const rij = afspraakRij(document.getElementById('plan-afspraken').children.length, null);
    document.getElementById('plan-afspraken').append(rij);
    rij.querySelector('textarea').focus();
  });
  plan.addEventListener('click', e => {
    const knop = e.target.closest('button[data-weg]');
    if (!knop) return;
    knop.closest('fieldset').remove();
    nummerOpnieuw();
    document.getElementById('plan-afspraak-erbij').focus();
  });
  plan.addEventListener('change', e => { if (e.target.name && e.target.name.endsWith('.wie')) toonPartner(e.target.closest('fieldset')); });
}

/** The dossier's part: the current plan with its afspraken, print links and the buttons to change or close. */
export async function planInDossier(klantnummer, naam) {
  let plan = null;
  try {
    plan = await api(pad(klantnummer));
  } catch (fout) {
    if (fout.status !== 404) return [el('h3', {}, 'Plan van aanpak'), el('div', { class: 'foutmelding' }, el('p', {}, fout.message))];
  }
  const bewerk = el('button', { type: 'button', class: 'tweede', 'data-actie': 'plan', 'data-sleutel': klantnummer + '|plan', 'data-naam': naam,
    'aria-label': (plan ? 'Plan wijzigen voor ' : 'Plan maken voor ') + naam }, plan ? 'Plan wijzigen' : 'Plan maken');
  if (!plan) return [el('h3', {}, 'Plan van aanpak'), el('p', { class: 'leeg' }, 'Nog geen plan van aanpak.'), el('div', { class: 'knoppen' }, bewerk)];
  return [
    el('h3', {}, 'Plan van aanpak'),
    el('p', {}, el('strong', {}, 'Doel: '), plan.doel),
    el('p', { class: 'toelichting' }, `Versie ${plan.versie}, vastgelegd ${datumTijd(plan.vastgesteldOp)} door ${plan.vastgesteldDoor}.`),
    tabel('Afspraken in het plan van aanpak', [{ kop: 'Afspraak', rijkop: true }, { kop: 'Wie' }, { kop: 'Deadline' }, { kop: 'Leefdomein' }, { kop: 'Stand' }, { kop: 'Acties' }],
      plan.afspraken.map(a => [
        a.omschrijving,
        a.wie === 'partner' ? a.partner : wieWoorden[a.wie],
        datum(a.deadline),
        a.leefdomein || '—',
        el('span', {}, el('span', { class: 'status' }, statusWoorden[a.status]), a.afronding && a.afronding.toelichting ? ' — ' + a.afronding.toelichting : ''),
        a.status === 'open'
          ? el('button', { type: 'button', 'data-actie': 'afronding', 'data-sleutel': klantnummer + '|afspraak|' + a.id, 'data-afspraak': a.id,
            'data-naam': naam, 'data-omschrijving': a.omschrijving, 'aria-label': 'Afronden: ' + a.omschrijving }, 'Afronden')
          : '—']),
      { leegTekst: 'Geen afspraken in dit plan.' }),
    el('div', { class: 'knoppen' }, bewerk,
      el('a', { class: 'knop tweede', href: pad(klantnummer) + '.html', target: '_blank', rel: 'noopener' }, 'Afdrukken (HTML)'),
      el('a', { class: 'knop tweede', href: pad(klantnummer) + '.pdf' }, 'Afdrukken (PDF)')),
  ];
}

export function openAfronding(gegevens) {
  afrondingVan = gegevens;
  const form = document.getElementById('afronding-form');
  form.reset();
  wisProbleem(document.getElementById('afronding-fouten'), form);
  document.getElementById('afronding-wie').textContent = `${gegevens.naam} (${gegevens.klantnummer}) — ${gegevens.omschrijving}`;
  document.getElementById('afronding-sectie').hidden = false;
  document.getElementById('kop-afronding').focus();
}

async function verstuurAfronding() {
  const form = document.getElementById('afronding-form');
  const fouten = document.getElementById('afronding-fouten');
  const status = form.elements.namedItem('status').value;
  try {
    const antwoord = await api(`${pad(afrondingVan.klantnummer)}/afspraken/${encodeURIComponent(afrondingVan.afspraakId)}/afronding`,
      { methode: 'POST', body: { status, toelichting: waarde(form, 'toelichting') } });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('resultaat'), `${afrondingVan.naam}: ${antwoord.melding}`);
    document.getElementById('resultaat').querySelector('.gelukt').setAttribute('data-gelukt', 'afronding');
    opties.sluit('afronding-sectie');
    await opties.naWijziging(afrondingVan.klantnummer);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

export async function openPlanForm(klantnummer, naam) {
  if (!keuzes) keuzes = await api('/api/v1/plan-van-aanpak/keuzes');
  let plan = null;
  try { plan = await api(pad(klantnummer)); } catch (fout) { if (fout.status !== 404) throw fout; }
  planVan = { klantnummer, naam, plan };
  const form = document.getElementById('plan-form');
  wisProbleem(document.getElementById('plan-fouten'), form);
  form.elements.namedItem('doel').value = plan ? plan.doel : '';
  vervang(document.getElementById('plan-afspraken'), (plan ? plan.afspraken : [null]).map((a, i) => afspraakRij(i, a)));
  document.getElementById('plan-wie').textContent = `${naam} (${klantnummer})` + (plan ? ` — nu versie ${plan.versie}` : ' — nog geen plan');
  document.getElementById('plan-sectie').hidden = false;
  document.getElementById('kop-plan').focus();
}

// One afspraak as a fieldset; its fields are named by their JSON path (afspraken[2].deadline), so a refusal
// from the server lands next to the field it names. A closed afspraak is sent back unchanged, not edited.
function afspraakRij(i, a) {
  const dicht = a && a.status !== 'open';
  const veld = (naam, label, invoer) => el('div', { class: 'veld' }, el('label', { for: invoer.id }, label), invoer);
  const id = naam => `plan-${i}-${naam}`;
  const kies = (naam, lijst, gekozen, leeg) => el('select', { id: id(naam), name: `afspraken[${i}].${naam}`, disabled: dicht },
    el('option', { value: '' }, leeg), lijst.map(w => el('option', { value: w, selected: w === gekozen }, w)));
  const rij = el('fieldset', { class: 'afspraak-invoer', 'data-id': a ? a.id : null, 'data-dicht': dicht ? '' : null },
    el('legend', {}, ''),
    veld(id('omschrijving'), 'Wat is afgesproken', el('textarea', { id: id('omschrijving'), name: `afspraken[${i}].omschrijving`, disabled: dicht, tekst: a ? a.omschrijving : '' })),
    veld(id('wie'), 'Wie doet het', el('select', { id: id('wie'), name: `afspraken[${i}].wie`, disabled: dicht },
      Object.entries(wieWoorden).map(([w, t]) => el('option', { value: w, selected: a ? a.wie === w : w === 'klant' }, t)))),
    veld(id('partner'), 'Partner', kies('partner', keuzes.partners, a && a.partner, '— geen partner —')),
    veld(id('deadline'), 'Deadline', el('input', { type: 'date', id: id('deadline'), name: `afspraken[${i}].deadline`, value: a ? a.deadline : '', disabled: dicht })),
    veld(id('leefdomein'), 'Leefdomein', kies('leefdomein', keuzes.leefdomeinen, a && a.leefdomein, '— geen —')),
    dicht ? el('p', { class: 'toelichting' }, `Afgerond: ${statusWoorden[a.status]}. Deze afspraak verandert niet meer.`) : null,
    el('div', { class: 'knoppen' }, el('button', { type: 'button', class: 'tweede', 'data-weg': '', 'aria-label': `Uit het plan halen: afspraak ${i + 1}` }, 'Uit het plan halen')));
  rij.dataset.afspraak = a ? JSON.stringify({ omschrijving: a.omschrijving, wie: a.wie, partner: a.partner, deadline: a.deadline, leefdomein: a.leefdomein }) : '';
  toonPartner(rij);
  zetLegend(rij, i);
  return rij;
}

function zetLegend(rij, i) { rij.querySelector('legend').textContent = `Afspraak ${i + 1}`; }

function toonPartner(rij) {
  const wie = rij.querySelector('select[name$=".wie"]');
  rij.querySelector('select[name$=".partner"]').closest('.veld').hidden = wie.value !== 'partner';
}

// After a removal the paths must follow the list again: afspraken[3] becomes afspraken[2].
function nummerOpnieuw() {
  [...document.getElementById('plan-afspraken').children].forEach((rij, i) => {
    for (const v of rij.querySelectorAll('[name]')) {
      const deel = v.name.split('.').pop();
      v.name = `afspraken[${i}].${deel}`;
      const label = rij.querySelector(`label[for="${v.id}"]`);
      v.id = `plan-${i}-${deel}`;
      if (label) label.htmlFor = v.id;
    }
    rij.querySelector('button[data-weg]').setAttribute('aria-label', `Uit het plan halen: afspraak ${i + 1}`);
    zetLegend(rij, i);
  });
}

async function verstuurPlan() {
  const form = document.getElementById('plan-form');
  const fouten = document.getElementById('plan-fouten');
  const afspraken = [...document.getElementById('plan-afspraken').children].map((rij, i) => {
    if (rij.dataset.dicht !== undefined) return { id: rij.dataset.id, ...JSON.parse(rij.dataset.afspraak) };
    const v = naam => waarde(form, `afspraken[${i}].${naam}`);
    const wie = v('wie');
    return { id: rij.dataset.id || null, omschrijving: v('omschrijving'), wie, partner: wie === 'partner' ? v('partner') : null, deadline: v('deadline'), leefdomein: v('leefdomein') };
  });
  try {
    const plan = await api(pad(planVan.klantnummer), { methode: 'PUT', body: { doel: waarde(form, 'doel'), afspraken } });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('resultaat'), `Plan van aanpak van ${planVan.naam} vastgelegd (versie ${plan.versie}).`);
    document.getElementById('resultaat').querySelector('.gelukt').setAttribute('data-gelukt', 'plan');
    opties.sluit('plan-sectie');
    await opties.naWijziging(planVan.klantnummer);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}
