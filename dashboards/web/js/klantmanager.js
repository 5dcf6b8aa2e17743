import { api } from './api.js';
import { el, vervang, datum, datumTijd, tabel, woorden, onthoudFocus, ordinaal } from './dom.js';
import { startPagina, magPagina, geenToegang } from './kop.js';
import { volger } from './live.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';
import { koppelPlanVanAanpak, planInDossier, openAfronding, openPlanForm, afsprakenInvoer, laadKeuzes, huidigPlan } from './planvanaanpak.js';
import { startMijnKlanten } from './mijnklanten.js';
import { startAgenda, momentTekst } from './agenda.js';
import { koppelGesprekken, openGesprekForm, openVerzetForm, gesprekkenInDossier, soortWoorden } from './gesprekken.js';

// The werklijst as the server keeps it: one item per (klantnummer, soort), per afspraak for afspraken to
// check. A snapshot replaces all; a delta upserts or removes one item, so a delta the snapshot already
// contains does no harm.
const items = new Map();
const sleutel = item => item.klantnummer + '|' + item.soort + (item.afspraakId ? '|' + item.afspraakId : '');
let klantmanager = null;
let eersteStand = true;
let openGesprek = null;
let openHerbeoordeling = null;
let dossierVan = null; // the klantnummer whose dossier is shown
let dossierGesprekken = new Map(); // the shown dossier's gesprekken by id, for its Verzetten and Uitkomst buttons
let dossierVolgnummer = 0; // a later drawing of the dossier wins over an earlier answer that arrives late
let uitkomstPlan = null; // the outcome form's afspraken (afsprakenInvoer)
let terugNaar = null; // the button that opened a form: the focus goes back there when the form closes
const getoond = new Map(); // table id → what it shows now (see toonAlsAnders)
// A section shows its first ZICHTBAAR rows until asked for all: a thousand afspraken te controleren are worked
// through from the top, and a table that size costs the browser most of a second to lay out.
const ZICHTBAAR = 100;
const alles = new Set(); // sections whose every row is shown
let secties = null; // Agenda and Mijn klanten, started once for the first klantmanager shown
const volgLive = volger('/hubs/werklijsten', { Werklijst: stand, WerklijstGewijzigd: wijzigingen });

const sessie = await startPagina();
if (!magPagina(sessie, '/klantmanager.html')) geenToegang(document.getElementById('inhoud'), '/klantmanager.html');
else await start();

async function start() {
  koppelFormulieren();
  if (sessie) {
    // With the session API the werklijst is always the user's own; ?klantmanager= is ignored.
    if (!sessie.medewerker) {
      vervang(document.getElementById('melding'), el('p', {}, 'Uw account is niet gekoppeld aan een klantmanager, dus er is geen werklijst.'));
      return;
    }
    await volg(sessie.medewerker);
    return;
  }
  const form = document.getElementById('kies-klantmanager');
  form.hidden = false;
  form.addEventListener('submit', e => { e.preventDefault(); const id = waarde(form, 'klantmanager'); if (id) volg(id); });
  const gevraagd = new URLSearchParams(location.search).get('klantmanager');
  if (gevraagd) { form.elements.namedItem('klantmanager').value = gevraagd; await volg(gevraagd); }
}

async function volg(id) {
  klantmanager = id;
  eersteStand = true;
  document.getElementById('wie').textContent = '(' + id + ')';
  document.body.dataset.klantmanager = id;
  if (!sessie) history.replaceState(null, '', '?klantmanager=' + encodeURIComponent(id));
  if (!secties) secties = [startAgenda(id), startMijnKlanten(id)];
  try {
    await volgLive(id);
  } catch (fout) {
    vervang(document.getElementById('melding'), el('p', {}, 'Live bijwerken lukt niet (' + fout.message + '). De werklijst hieronder wordt niet vanzelf bijgewerkt.'));
    stand(await api('/api/v1/klantmanagers/' + encodeURIComponent(id) + '/werklijst'));
  }
}

function stand(werklijst) {
  if (werklijst.klantmanager !== klantmanager) return;
  performance.mark('werklijst-ontvangen'); // the werklijst benchmark reads these marks: server and network, then drawing
  const vorige = new Map(items);
  items.clear();
  for (const lijst of [werklijst.herbeoordelingenTeLaat, werklijst.herbeoordelingenAanDeBeurt, werklijst.herbeoordelingenGepland || [],
    werklijst.gesprekkenZonderUitkomst, werklijst.gesprekken, werklijst.afsprakenTeControleren || []])
    for (const item of lijst) items.set(sleutel(item), item);
  // After a reconnect the snapshot may hold prompts that arrived while away: they are new to the user too.
  if (!eersteStand) for (const item of items.values()) meldAlsNieuw(vorige.get(sleutel(item)), item);
  for (const [k, item] of vorige) if (!items.has(k)) meldAfgehandeld(item);
  eersteStand = false;
  toonWerklijst();
}

function wijzigingen(lijst) {
  let dossierGeraakt = false;
  for (const w of lijst) {
    if (w.klantmanager !== klantmanager) continue;
    const k = sleutel(w.item);
    const vorige = items.get(k);
    if (w.verwijderd) { items.delete(k); if (vorige) meldAfgehandeld(vorige); }
    else { items.set(k, w.item); meldAlsNieuw(vorige, w.item); }
    // A gesprek of the open dossier's client that passed (zonder uitkomst) or moved: its buttons change with it.
    if (w.item.klantnummer === dossierVan && w.item.gesprekId) dossierGeraakt = true;
  }
  toonWerklijst();
  if (dossierGeraakt) verversDossier(dossierVan);
}

// A herbeoordeling that arrives or changes stage (aan de beurt → te laat) is a prompt; one whose gesprek is
// planned is no new prompt, but marks the prompt shown for it.
function meldAlsNieuw(vorige, item) {
  if (item.soort !== 'herbeoordeling') return;
  if (item.status === 'gepland') { meldGepland(item); return; }
  if (vorige && vorige.status === item.status && vorige.datum === item.datum) return;
  const tekst = `Herbeoordeling ${woorden(item.status)}: ${item.naam} (${item.klantnummer}), ${datum(item.datum)}. ${item.omschrijving}`;
  const lijst = document.getElementById('meldingen');
  lijst.prepend(el('li', { 'data-klant': item.klantnummer, 'data-status': item.status },
    el('strong', { class: 'status status-' + item.status }, item.status === 'te-laat' ? '! Te laat' : '! Aan de beurt'), ' ',
    `${item.naam} (${item.klantnummer}) — herbeoordeling ${datum(item.datum)}. ${item.omschrijving} `,
    el('span', { class: 'knoppen' }, ...herbeoordelingKnoppen(item))));
  document.getElementById('geen-meldingen').hidden = true;
  document.getElementById('meldingen-live').textContent = tekst;
}

// A herbeoordeling that left the werklijst (planned, by this user or a colleague) keeps its prompt as a
// record, marked done in words and without its Plannen button: that would plan what is already planned.
function meldAfgehandeld(item) {
  if (item.soort !== 'herbeoordeling') return;
  for (const li of document.querySelectorAll(`#meldingen li[data-klant="${CSS.escape(item.klantnummer)}"]:not([data-afgehandeld])`))
    markeer(li, 'afgehandeld', '✓ Afgehandeld');
}

// A prompt whose herbeoordelingsgesprek is planned (here or by a colleague): marked so, without its buttons; the
// moment stands under Herbeoordelingen gepland.
function meldGepland(item) {
  for (const li of document.querySelectorAll(`#meldingen li[data-klant="${CSS.escape(item.klantnummer)}"]:not([data-afgehandeld]):not([data-gepland])`))
    markeer(li, 'gepland', '✓ Gesprek gepland');
}

function markeer(li, stand, tekst) {
  li.dataset[stand] = '';
  li.querySelector('strong').replaceWith(el('strong', { class: 'status' }, tekst));
  for (const knop of li.querySelectorAll('button')) {
    if (knop === document.activeElement) document.getElementById('kop-meldingen').focus();
    knop.remove();
  }
}

// A herbeoordeling prompt's actions: invite the client (the main one), or only set another date with a reason.
function herbeoordelingKnoppen(item) {
  return [
    el('button', { type: 'button', 'data-actie': 'gesprek-plannen', 'data-soort': 'herbeoordeling', 'data-sleutel': sleutel(item), 'aria-label': 'Gesprek plannen voor ' + item.naam }, 'Gesprek plannen'),
    el('button', { type: 'button', class: 'tweede', 'data-actie': 'herbeoordeling', 'data-sleutel': sleutel(item), 'aria-label': 'Datum kiezen voor de herbeoordeling van ' + item.naam }, 'Datum kiezen'),
  ];
}

// The gesprek item (to hold or without outcome) of a planned herbeoordeling: its day and time.
function gesprekVan(item) {
  return item.gesprekId ? [...items.values()].find(i => i.gesprekId === item.gesprekId && i.soort !== 'herbeoordeling') || null : null;
}

function perSoort(soort, status) {
  return [...items.values()].filter(i => i.soort === soort && (!status || i.status === status))
    .sort((a, b) => ordinaal(a.datum, b.datum) || ordinaal(a.klantnummer, b.klantnummer));
}

function toonWerklijst() {
  const herstelFocus = onthoudFocus(document.getElementById('werklijst'));
  document.getElementById('werklijst').hidden = false;
  const vandaag = new Date().toISOString().slice(0, 10);
  const gesprekken = perSoort('gesprek');
  const vandaagLijst = gesprekken.filter(i => i.datum === vandaag), later = gesprekken.filter(i => i.datum !== vandaag);
  toonAlsAnders('gesprekken', [vandaagLijst, later], () => [
    lijstTabel('Gesprekken vandaag', vandaagLijst, 'gesprek', 'Geen gesprekken vandaag.'),
    lijstTabel('Komende en lopende gesprekken', later, 'gesprek', 'Geen andere gesprekken.')]);
  const zonder = perSoort('gesprek-zonder-uitkomst');
  toonAlsAnders('zonder-uitkomst', zonder, () => lijstTabel('Gesprekken zonder uitkomst', zonder, 'gesprek', 'Alle gehouden gesprekken hebben een uitkomst.', 'zonder-uitkomst'));
  const teLaat = perSoort('herbeoordeling', 'te-laat');
  toonAlsAnders('te-laat', teLaat, () => lijstTabel('Herbeoordelingen te laat', teLaat, 'herbeoordeling', 'Geen herbeoordelingen te laat.', 'te-laat'));
  const aanDeBeurt = perSoort('herbeoordeling', 'aan-de-beurt');
  toonAlsAnders('aan-de-beurt', aanDeBeurt, () => lijstTabel('Herbeoordelingen aan de beurt', aanDeBeurt, 'herbeoordeling', 'Geen herbeoordelingen aan de beurt.', 'aan-de-beurt'));
  const gepland = perSoort('herbeoordeling', 'gepland');
  toonAlsAnders('gepland', gepland.map(i => [i, gesprekVan(i)]), () => lijstTabel('Herbeoordelingen gepland', gepland, 'gepland', 'Geen herbeoordelingsgesprekken gepland.'));
  const teControleren = perSoort('afspraak');
  toonAlsAnders('te-controleren', teControleren, () => lijstTabel('Afspraken te controleren', teControleren, 'afspraak', 'Geen afspraken te controleren.', 'te-controleren'));
  document.body.dataset.werklijstItems = String(items.size);
  // Marked before the focus is restored: bringing it into view reads the layout, which the drawing itself does not.
  performance.mark('werklijst-getoond');
  herstelFocus();
}

// A push that changes nothing in a table leaves its DOM alone: a button must not be replaced under the
// user's pointer or keyboard focus by the same button.
function toonAlsAnders(id, sleutelLijst, maak) {
  const handtekening = JSON.stringify([alles.has(id), sleutelLijst]);
  if (getoond.get(id) === handtekening) return;
  getoond.set(id, handtekening);
  vervang(document.getElementById(id), maak());
}

function lijstTabel(bijschrift, volledig, soort, leegTekst, sectie) {
  const ingekort = sectie && !alles.has(sectie) && volledig.length > ZICHTBAAR;
  const lijst = ingekort ? volledig.slice(0, ZICHTBAAR) : volledig;
  const meer = ingekort
    ? el('p', { class: 'meer' }, `De eerste ${ZICHTBAAR} van ${volledig.length} staan hierboven. `,
      el('button', { type: 'button', class: 'tweede', 'data-actie': 'alles', 'data-sectie': sectie }, `Toon alle ${volledig.length}`))
    : null;
  return [lijstTabelRijen(bijschrift, lijst, soort, leegTekst), meer];
}

function lijstTabelRijen(bijschrift, lijst, soort, leegTekst) {
  return tabel(bijschrift, [{ kop: 'Klant', rijkop: true }, { kop: 'Datum' }, { kop: 'Omschrijving' }, { kop: 'Acties' }],
    lijst.map(i => [
      el('span', { 'data-klant': i.klantnummer }, i.naam, el('br'), el('span', { class: 'toelichting' }, i.klantnummer)),
      soort === 'gepland' && gesprekVan(i) ? datum(gesprekVan(i).datum) : datum(i.datum),
      soort === 'gepland'
        ? el('span', {}, el('span', { class: 'status status-gepland' }, 'Gesprek gepland'), ' ', gesprekVan(i) ? gesprekVan(i).omschrijving + '. ' : '', i.omschrijving)
        : el('span', {}, i.status && (i.soort === 'herbeoordeling' || i.soort === 'afspraak') ? el('span', { class: 'status status-' + i.status }, woorden(i.status)) : null, ' ', i.omschrijving),
      el('div', { class: 'knoppen' },
        el('button', { type: 'button', class: 'tweede', 'data-actie': 'dossier', 'data-sleutel': sleutel(i), 'aria-label': 'Dossier van ' + i.naam }, 'Dossier'),
        soort === 'gesprek' && i.gesprekId
          ? el('button', { type: 'button', 'data-actie': 'uitkomst', 'data-sleutel': sleutel(i), 'aria-label': 'Uitkomst vastleggen voor ' + i.naam }, 'Uitkomst')
          : null,
        soort === 'herbeoordeling' ? herbeoordelingKnoppen(i) : null,
        soort === 'afspraak'
          ? el('button', { type: 'button', 'data-actie': 'afronding', 'data-sleutel': sleutel(i), 'aria-label': 'Afronden voor ' + i.naam }, 'Afronden')
          : null)]),
    { leegTekst });
}

function koppelFormulieren() {
  // One listener for every action button, also those drawn after a live change.
  document.getElementById('inhoud').addEventListener('click', e => {
    const knop = e.target.closest('button[data-actie]');
    if (!knop) return;
    if (knop.dataset.actie === 'alles') {
      alles.add(knop.dataset.sectie);
      toonWerklijst();
      // The first row past the old end: the keyboard carries on where the list was cut.
      const rijen = document.querySelectorAll('#' + knop.dataset.sectie + ' tbody tr');
      (rijen[ZICHTBAAR]?.querySelector('button') || document.getElementById(knop.dataset.sectie))?.focus();
      return;
    }
    const item = items.get(knop.dataset.sleutel) || null;
    const klantnummer = item ? item.klantnummer : knop.dataset.sleutel.split('|')[0];
    if (knop.dataset.actie !== 'dossier') terugNaar = knop;
    if (knop.dataset.actie === 'dossier') toonDossier(klantnummer);
    if (knop.dataset.actie === 'uitkomst' && item) openUitkomst(item);
    // The dossier's gesprekken: the button carries the gesprek's id.
    const gesprek = knop.dataset.gesprek ? dossierGesprekken.get(knop.dataset.gesprek) : null;
    if (knop.dataset.actie === 'uitkomst' && !item && gesprek) openUitkomst(uitkomstItem(gesprek));
    if (knop.dataset.actie === 'verzetten' && gesprek) openVerzetForm({ klantnummer, naam: gesprek.naam, gesprek });
    if (knop.dataset.actie === 'gesprek-plannen') openGesprekForm({ klantnummer, naam: item ? item.naam : (knop.dataset.naam || ''), soort: knop.dataset.soort || '' });
    // The dossier's button is no werklijst item: it carries the client's name itself.
    if (knop.dataset.actie === 'herbeoordeling') openHerbeoordelingForm(klantnummer, item ? item.naam : (knop.dataset.naam || klantnummer));
    // An afspraak from the werklijst (the item) or from the dossier's plan (the button carries what it needs).
    if (knop.dataset.actie === 'afronding') openAfronding(item
      ? { klantnummer, afspraakId: item.afspraakId, naam: item.naam, omschrijving: item.omschrijving }
      : { klantnummer, afspraakId: knop.dataset.afspraak, naam: knop.dataset.naam, omschrijving: knop.dataset.omschrijving });
    if (knop.dataset.actie === 'plan') openPlanForm(klantnummer, knop.dataset.naam || klantnummer).catch(fout =>
      vervang(document.getElementById('resultaat'), el('div', { class: 'foutmelding' }, el('p', {}, fout.message))));
  });
  koppelPlanVanAanpak({ sluit, naWijziging });
  koppelGesprekken({ sluit, klaar: naFormulier });
  const uitkomst = document.getElementById('uitkomst-form');
  uitkomst.addEventListener('change', e => { if (e.target.name === 'verschenen') toonVerschenenVelden(); });
  uitkomstPlan = afsprakenInvoer({ form: uitkomst, lijst: document.getElementById('uitkomst-plan-afspraken'), erbij: document.getElementById('uitkomst-plan-erbij'),
    idVoorvoegsel: 'uitkomst-plan', naamVoorvoegsel: 'planVanAanpak.' });
  document.getElementById('uitkomst-plan-aan').addEventListener('change', () => toonPlanInUitkomst().catch(fout =>
    toonProbleem(document.getElementById('uitkomst-fouten'), fout, uitkomst)));
  uitkomst.addEventListener('submit', e => { e.preventDefault(); bezig(uitkomst, verstuurUitkomst); });
  document.getElementById('uitkomst-annuleer').addEventListener('click', () => sluit('uitkomst-sectie'));
  const herb = document.getElementById('herbeoordeling-form');
  herb.addEventListener('submit', e => { e.preventDefault(); bezig(herb, verstuurHerbeoordeling); });
  document.getElementById('herbeoordeling-annuleer').addEventListener('click', () => sluit('herbeoordeling-sectie'));
}

// Hiding the form would leave the focus on a hidden button, i.e. nowhere: a keyboard user would start
// again at the top of the page. Back to the button that opened it, or to the werklijst when that is gone.
// A live push may have drawn that button anew while the form was open: then its new drawing gets the focus.
function sluit(id) {
  document.getElementById(id).hidden = true;
  const weer = terugNaar && (terugNaar.isConnected ? terugNaar : zelfdeKnop(terugNaar));
  if (weer && !weer.closest('[hidden]')) { terugNaar = weer; weer.focus(); }
  else document.getElementById('kop-meldingen').focus();
}

function zelfdeKnop(knop) {
  const { sleutel, actie } = knop.dataset;
  if (sleutel === undefined) return null;
  return [...document.querySelectorAll('button[data-sleutel]')].find(k => k.dataset.sleutel === sleutel && k.dataset.actie === actie) || null;
}

// After a form of gesprekken.js succeeded: close it, focus what it says (or back to its opener), redraw the client.
async function naFormulier(sectie, focusNa, klantnummer) {
  if (focusNa) terugNaar = focusNa;
  sluit(sectie);
  await naWijziging(klantnummer);
}

function uitkomstItem(g) {
  return { klantnummer: g.klantnummer, naam: g.naam, gesprekId: g.id, datum: g.start.slice(0, 10),
    omschrijving: `${soortWoorden[g.soort] || g.soort} ${momentTekst(g)}` };
}

// The outcome form's plan part, shown when ticked: the current plan (a new version starts from it) or one empty afspraak.
async function toonPlanInUitkomst() {
  const aan = document.getElementById('uitkomst-plan-aan').checked;
  const velden = document.getElementById('uitkomst-plan-velden');
  if (!aan) { velden.hidden = true; return; }
  if (velden.dataset.voor !== openGesprek.klantnummer) {
    const [, plan] = await Promise.all([laadKeuzes(), huidigPlan(openGesprek.klantnummer)]);
    const form = document.getElementById('uitkomst-form');
    form.elements.namedItem('planVanAanpak.doel').value = plan ? plan.doel : '';
    uitkomstPlan.vul(plan ? plan.afspraken : []);
    document.getElementById('uitkomst-plan-stand').textContent = plan
      ? `Nu geldt versie ${plan.versie}. Pas het doel en de afspraken aan; afgeronde afspraken blijven zoals ze zijn.`
      : 'Deze klant heeft nog geen plan van aanpak.';
    velden.dataset.voor = openGesprek.klantnummer;
  }
  velden.hidden = false;
}

function toonVerschenenVelden() {
  const verschenen = document.getElementById('uitkomst-form').elements.namedItem('verschenen').value === 'ja';
  document.getElementById('velden-verschenen').hidden = !verschenen;
  document.getElementById('velden-afwezig').hidden = verschenen;
}

function openUitkomst(item) {
  openGesprek = item;
  const form = document.getElementById('uitkomst-form');
  form.reset();
  document.getElementById('uitkomst-plan-velden').hidden = true;
  delete document.getElementById('uitkomst-plan-velden').dataset.voor;
  toonVerschenenVelden();
  wisProbleem(document.getElementById('uitkomst-fouten'), form);
  document.getElementById('uitkomst-wie').textContent = `${item.naam} (${item.klantnummer}) — ${item.omschrijving}, ${datum(item.datum)}`;
  document.getElementById('uitkomst-sectie').hidden = false;
  document.getElementById('kop-uitkomst').focus();
}

async function verstuurUitkomst() {
  const form = document.getElementById('uitkomst-form');
  const fouten = document.getElementById('uitkomst-fouten');
  const verschenen = form.elements.namedItem('verschenen').value === 'ja';
  const trede = waarde(form, 'trede');
  const body = verschenen
    ? { verschenen: true, indeling: waarde(form, 'indeling'), trede: trede ? Number(trede) : null, route: waarde(form, 'route'),
        afspraken: waarde(form, 'afspraken'), ontheffingTot: waarde(form, 'ontheffingTot'), ontheffingGrond: waarde(form, 'ontheffingGrond'),
        uitstroomReden: waarde(form, 'uitstroomReden') }
    : { verschenen: false, afwezigheid: waarde(form, 'afwezigheid') };
  if (verschenen && document.getElementById('uitkomst-plan-aan').checked)
    body.planVanAanpak = { doel: waarde(form, 'planVanAanpak.doel'), afspraken: uitkomstPlan.lees() };
  try {
    const verwerking = await api(`/api/v1/klanten/${encodeURIComponent(openGesprek.klantnummer)}/gesprekken/${openGesprek.gesprekId}/uitkomst`, { methode: 'POST', body });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('resultaat'), `Uitkomst vastgelegd voor ${openGesprek.naam}. ${verwerking.toelichting || ''}` +
      (verwerking.planVanAanpak ? ` Plan van aanpak vastgelegd (versie ${verwerking.planVanAanpak.versie}).` : ''));
    const gelukt = document.getElementById('resultaat').querySelector('.gelukt');
    gelukt.setAttribute('data-gelukt', 'uitkomst');
    // The gesprek leaves the werklijst now; its client's dossier stays one click away.
    gelukt.append(el('button', { type: 'button', class: 'tweede', 'data-actie': 'dossier', 'data-sleutel': openGesprek.klantnummer + '|resultaat' }, 'Dossier van ' + openGesprek.naam));
    // The Uitkomst button that opened the form is leaving the werklijst: the focus goes to that next step.
    terugNaar = gelukt.querySelector('button');
    sluit('uitkomst-sectie');
    await naWijziging(openGesprek.klantnummer);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

function openHerbeoordelingForm(klantnummer, naam) {
  openHerbeoordeling = { klantnummer, naam };
  const form = document.getElementById('herbeoordeling-form');
  form.reset();
  wisProbleem(document.getElementById('herbeoordeling-fouten'), form);
  document.getElementById('herbeoordeling-wie').textContent = `${naam} (${klantnummer})`;
  document.getElementById('herbeoordeling-sectie').hidden = false;
  document.getElementById('kop-herbeoordeling').focus();
}

async function verstuurHerbeoordeling() {
  const form = document.getElementById('herbeoordeling-form');
  const fouten = document.getElementById('herbeoordeling-fouten');
  // An empty field is named next to it here: the API can only answer that the request is unreadable.
  const errors = {};
  if (!waarde(form, 'datum')) errors.datum = ['Vul de datum van de herbeoordeling in.'];
  if (!waarde(form, 'reden')) errors.reden = ['Vul in waarom de herbeoordeling op deze datum valt.'];
  if (Object.keys(errors).length) {
    toonProbleem(fouten, { probleem: { title: 'Vul de datum en de reden in', errors } }, form);
    return;
  }
  try {
    await api(`/api/v1/klanten/${encodeURIComponent(openHerbeoordeling.klantnummer)}/herbeoordeling`, { methode: 'POST', body: { datum: waarde(form, 'datum'), reden: waarde(form, 'reden') } });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('resultaat'), `Herbeoordeling van ${openHerbeoordeling.naam} gepland op ${datum(waarde(form, 'datum'))}.`);
    sluit('herbeoordeling-sectie');
    await naWijziging(openHerbeoordeling.klantnummer);
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

// After a change from one of the forms: the open dossier, Mijn klanten (indeling, route, herbeoordeling) and the
// agenda (a gesprek held) show it at once.
async function naWijziging(klantnummer) {
  await Promise.all([verversDossier(klantnummer), ...(secties || []).map(s => s.ververs()), verversWerklijst()]);
}

// Live, the werklijst hears of the change itself; without a live connection it is asked again.
async function verversWerklijst() {
  if (!klantmanager || document.body.dataset.verbinding === 'verbonden') return;
  try { stand(await api('/api/v1/klantmanagers/' + encodeURIComponent(klantmanager) + '/werklijst')); } catch { /* the page says it is not live */ }
}

// An open dossier of the client just changed is drawn again, so it never shows the old date or indeling.
// The focus stays where it was: on the same button in the new drawing when it was in the dossier.
async function verversDossier(klantnummer) {
  if (dossierVan !== klantnummer || document.getElementById('dossier-sectie').hidden) return;
  const herstelFocus = onthoudFocus(document.getElementById('dossier'));
  await toonDossier(klantnummer, { focus: false });
  terugNaar = herstelFocus() || terugNaar;
}

async function toonDossier(klantnummer, { focus = true } = {}) {
  const sectie = document.getElementById('dossier-sectie');
  const doel = document.getElementById('dossier');
  const nummer = ++dossierVolgnummer;
  dossierVan = klantnummer;
  sectie.hidden = false;
  try {
    const d = await api('/api/v1/klanten/' + encodeURIComponent(klantnummer));
    const p = d.profiel;
    const plan = await planInDossier(p.klantnummer, p.naam);
    if (nummer !== dossierVolgnummer) return; // another dossier, or a newer drawing of this one, was asked for
    dossierGesprekken = new Map(d.gesprekken.map(g => [g.id, { ...g, naam: p.naam }]));
    const prompt = items.get(p.klantnummer + '|herbeoordeling');
    document.getElementById('kop-dossier').textContent = 'Dossier van ' + p.naam;
    vervang(doel,
      el('dl', { class: 'kengetallen gegevens' },
        veld('Klantnummer', p.klantnummer), veld('Wijk', p.wijk || '—'), veld('Huishouden', woorden(p.huishouden)),
        veld('Uitkering sinds', datum(p.startdatumUitkering)), veld('In het bestand', d.inBestand ? 'ja' : 'nee'),
        veld('Indeling', d.indeling ? woorden(d.indeling.indeling) : 'nog niet ingedeeld'),
        veld('Trede', d.tredes.length ? String(d.tredes[d.tredes.length - 1].trede) : '—'),
        veld('Route', d.route ? d.route.route : '—'),
        veld('Ontheffing', d.ontheffing ? `tot ${datum(d.ontheffing.tot)} (${d.ontheffing.grond})` : '—'),
        veld('Herbeoordeling', d.herbeoordeling ? `${datum(d.herbeoordeling.datum)}, ${woorden(d.herbeoordeling.status)}` : '—')),
      d.herbeoordeling ? el('p', { class: 'toelichting' }, 'Grond herbeoordeling: ' + d.herbeoordeling.grond) : null,
      el('div', { class: 'knoppen' }, el('button', { type: 'button', class: 'tweede', 'data-actie': 'herbeoordeling', 'data-sleutel': p.klantnummer + '|dossier', 'data-naam': p.naam, 'aria-label': 'Herbeoordeling plannen voor ' + p.naam }, 'Herbeoordeling plannen')),
      ...plan,
      ...rechtmatigheidInDossier(p.klantnummer, p.naam),
      ...gesprekkenInDossier({ klantnummer: p.klantnummer, naam: p.naam, inBestand: d.inBestand, gesprekken: d.gesprekken, verleden: voorbij,
        soort: prompt && prompt.status !== 'gepland' ? 'herbeoordeling' : '' }),
      el('h3', {}, 'Tijdlijn'),
      d.historie.length === 0 ? el('p', { class: 'leeg' }, 'Nog geen historie.') :
        el('ol', { class: 'tijdlijn', reversed: true }, [...d.historie].reverse().map(h =>
          el('li', {}, el('time', { datetime: h.tijdstip }, datumTijd(h.tijdstip) + ' — ' + h.door), el('strong', {}, h.gebeurtenis), ': ', h.omschrijving))));
    if (focus) document.getElementById('kop-dossier').focus();
  } catch (fout) {
    if (nummer !== dossierVolgnummer) return;
    vervang(doel, el('div', { class: 'foutmelding' }, el('p', {}, fout.message)));
  }
}

// Whether a gesprek's moment has passed, by the server's clock (never the browser's): the werklijst has it without
// an outcome, or it lies before the server's today.
function voorbij(g) {
  if ([...items.values()].some(i => i.soort === 'gesprek-zonder-uitkomst' && i.gesprekId === g.id)) return true;
  const vandaag = secties && secties[0].vandaag();
  return Boolean(vandaag) && g.start.slice(0, 10) < vandaag;
}

function veld(naam, inhoud) { return el('div', {}, el('dt', {}, naam), el('dd', {}, inhoud)); }

// A doubt about the right to benefit (art. 17/54) is raised by the klantmanager, with facts, on its own route:
// handhaving sees only what is written here. Never automatic, never a score.
function rechtmatigheidInDossier(klantnummer, naam) {
  const pad = '/api/v1/klanten/' + encodeURIComponent(klantnummer) + '/rechtmatigheidssignalen';
  const keuze = el('select', { id: 'rm-aanleiding', name: 'aanleiding' }, el('option', { value: '' }, '— kies —'));
  api(pad + '/aanleidingen').then(lijst => keuze.append(...lijst.map(a => el('option', { value: a }, a)))).catch(() => {});
  const fouten = el('div', { id: 'rm-fouten' });
  const resultaat = el('div', { id: 'rm-resultaat', role: 'status', 'aria-live': 'polite' });
  const form = el('form', { id: 'rm-form', novalidate: true },
    el('fieldset', {}, el('legend', {}, 'Twijfel aan het recht op uitkering melden bij handhaving'),
      el('p', { class: 'toelichting' }, 'Alleen feiten die u zelf zag of hoorde. Handhaving ziet alleen wat u hier schrijft.'),
      el('div', { class: 'veld' }, el('label', { for: 'rm-aanleiding' }, 'Aanleiding'), keuze),
      el('div', { class: 'veld' }, el('label', { for: 'rm-feiten' }, 'Feiten (wat, wanneer, hoe weet u het?)'), el('textarea', { id: 'rm-feiten', name: 'feiten' })),
      el('div', { class: 'veld' }, el('label', { for: 'rm-toelichting' }, 'Toelichting (waarom twijfelt u?)'), el('textarea', { id: 'rm-toelichting', name: 'toelichting' })),
      el('button', { type: 'submit' }, 'Melden bij handhaving')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    bezig(form, async () => {
      try {
        await api(pad, { methode: 'POST', body: { aanleiding: waarde(form, 'aanleiding'), feiten: waarde(form, 'feiten'), toelichting: waarde(form, 'toelichting') } });
        wisProbleem(fouten, form);
        form.reset();
        toonGelukt(resultaat, `Gemeld bij handhaving: twijfel aan het recht op uitkering van ${naam}.`);
      } catch (fout) {
        toonProbleem(fouten, fout, form);
      }
    });
  });
  return [el('h3', {}, 'Rechtmatigheid'), fouten, resultaat, form];
}
