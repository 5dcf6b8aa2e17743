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
let planAfspraken = null; // the plan form's afspraken (afsprakenInvoer)
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
  planAfspraken = afsprakenInvoer({ form: plan, lijst: document.getElementById('plan-afspraken'), erbij: document.getElementById('plan-afspraak-erbij'), idVoorvoegsel: 'plan' });
}

/** The gemeente's partners and leefdomeinen for the afspraken, asked once. */
export async function laadKeuzes() {
  if (!keuzes) keuzes = await api('/api/v1/plan-van-aanpak/keuzes');
  return keuzes;
}

/** The client's current plan van aanpak, or null when there is none yet. */
export async function huidigPlan(klantnummer) {
  try { return await api(pad(klantnummer)); } catch (fout) { if (fout.status === 404) return null; throw fout; }
}

/**
 * The afspraken of a plan as fieldsets inside a form (the plan form, and the plan part of the outcome form).
 * Each field is named by its JSON path (naamVoorvoegsel + afspraken[2].deadline), so a refusal from the server
 * lands next to the field it names; ids are idVoorvoegsel-2-deadline. A closed afspraak is shown, not edited, and
 * sent back unchanged. Call vul() after laadKeuzes().
 */
export function afsprakenInvoer({ form, lijst, erbij, idVoorvoegsel, naamVoorvoegsel = '' }) {
  const naam = (i, deel) => `${naamVoorvoegsel}afspraken[${i}].${deel}`;
  const id = (i, deel) => `${idVoorvoegsel}-${i}-${deel}`;

  function rij(i, a) {
    const dicht = a && a.status !== 'open';
    const veld = (label, invoer) => el('div', { class: 'veld' }, el('label', { for: invoer.id }, label), invoer);
    const kies = (deel, lijst, gekozen, leeg) => el('select', { id: id(i, deel), name: naam(i, deel), disabled: dicht },
      el('option', { value: '' }, leeg), lijst.map(w => el('option', { value: w, selected: w === gekozen }, w)));
    const r = el('fieldset', { class: 'afspraak-invoer', 'data-id': a ? a.id : null, 'data-dicht': dicht ? '' : null },
      el('legend', {}, ''),
      veld('Wat is afgesproken', el('textarea', { id: id(i, 'omschrijving'), name: naam(i, 'omschrijving'), disabled: dicht, tekst: a ? a.omschrijving : '' })),
      veld('Wie doet het', el('select', { id: id(i, 'wie'), name: naam(i, 'wie'), disabled: dicht },
        Object.entries(wieWoorden).map(([w, t]) => el('option', { value: w, selected: a ? a.wie === w : w === 'klant' }, t)))),
      veld('Partner', kies('partner', keuzes.partners, a && a.partner, '— geen partner —')),
      veld('Deadline', el('input', { type: 'date', id: id(i, 'deadline'), name: naam(i, 'deadline'), value: a ? a.deadline : '', disabled: dicht })),
      veld('Leefdomein', kies('leefdomein', keuzes.leefdomeinen, a && a.leefdomein, '— geen —')),
      dicht ? el('p', { class: 'toelichting' }, `Afgerond: ${statusWoorden[a.status]}. Deze afspraak verandert niet meer.`) : null,
      el('div', { class: 'knoppen' }, el('button', { type: 'button', class: 'tweede', 'data-weg': '' }, 'Uit het plan halen')));
    r.dataset.afspraak = a ? JSON.stringify({ omschrijving: a.omschrijving, wie: a.wie, partner: a.partner, deadline: a.deadline, leefdomein: a.leefdomein }) : '';
    toonPartner(r);
    zetNummer(r, i);
    return r;
  }

  function zetNummer(r, i) {
    r.querySelector('legend').textContent = `Afspraak ${i + 1}`;
    r.querySelector('button[data-weg]').setAttribute('aria-label', `Uit het plan halen: afspraak ${i + 1}`);
  }

  // After a removal the paths must follow the list again: afspraken[3] becomes afspraken[2].
  function nummerOpnieuw() {
    [...lijst.children].forEach((r, i) => {
      for (const v of r.querySelectorAll('[name]')) {
        const deel = v.name.split('.').pop();
        const label = r.querySelector(`label[for="${v.id}"]`);
        v.name = naam(i, deel);
        v.id = id(i, deel);
        if (label) label.htmlFor = v.id;
      }
      zetNummer(r, i);
    });
  }

  erbij.addEventListener('click', () => {
    const r = rij(lijst.children.length, null);
    lijst.append(r);
    r.querySelector('textarea').focus();
  });
  lijst.addEventListener('click', e => {
    const knop = e.target.closest('button[data-weg]');
    if (!knop) return;
    knop.closest('fieldset').remove();
    nummerOpnieuw();
    erbij.focus();
  });
  lijst.addEventListener('change', e => { if (e.target.name && e.target.name.endsWith('.wie')) toonPartner(e.target.closest('fieldset')); });

  return {
    /** Shows these afspraken (from a plan), or one empty afspraak when there are none. */
    vul(afspraken) { vervang(lijst, (afspraken && afspraken.length ? afspraken : [null]).map((a, i) => rij(i, a))); },
    /** The afspraken as the API takes them; a closed one as it was. */
    lees() {
      return [...lijst.children].map((r, i) => {
        if (r.dataset.dicht !== undefined) return { id: r.dataset.id, ...JSON.parse(r.dataset.afspraak) };
        const v = deel => waarde(form, naam(i, deel));
        const wie = v('wie');
        return { id: r.dataset.id || null, omschrijving: v('omschrijving'), wie, partner: wie === 'partner' ? v('partner') : null, deadline: v('deadline'), leefdomein: v('leefdomein') };
      });
    },
  };
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
  await laadKeuzes();
  const plan = await huidigPlan(klantnummer);
  planVan = { klantnummer, naam, plan };
  const form = document.getElementById('plan-form');
  wisProbleem(document.getElementById('plan-fouten'), form);
  form.elements.namedItem('doel').value = plan ? plan.doel : '';
  planAfspraken.vul(plan ? plan.afspraken : []);
  document.getElementById('plan-wie').textContent = `${naam} (${klantnummer})` + (plan ? ` — nu versie ${plan.versie}` : ' — nog geen plan');
  document.getElementById('plan-sectie').hidden = false;
  document.getElementById('kop-plan').focus();
}

function toonPartner(rij) {
  const wie = rij.querySelector('select[name$=".wie"]');
  rij.querySelector('select[name$=".partner"]').closest('.veld').hidden = wie.value !== 'partner';
}

async function verstuurPlan() {
  const form = document.getElementById('plan-form');
  const fouten = document.getElementById('plan-fouten');
  const afspraken = planAfspraken.lees();
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
