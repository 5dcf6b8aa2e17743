import { api } from './api.js';
import { el, vervang, datum, datumTijd, tabel, woorden, onthoudFocus } from './dom.js';
import { startPagina, magPagina, geenToegang, toonVerbinding } from './kop.js';
import { verbind } from './live.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';

// The queue by signal id. Live over /hubs/handhaving (Signalen = snapshot, SignaalGewijzigd = one
// item); if that hub cannot be reached the list is fetched again every 10 seconds.
const signalen = new Map();
let gekozen = null;
let verversTimer = null;

// The review's steps, their bodies and the words on screen (see HandhavingVerzoeken.cs).
const STAPPEN = [
  { pad: 'behandeling', titel: 'In behandeling nemen', velden: [] },
  { pad: 'bezorging', titel: 'Bezorging van de uitnodiging gecontroleerd', velden: [
    { naam: 'bezorgd', label: 'Is de uitnodiging bezorgd?', soort: 'janee' }] },
  { pad: 'contactpogingen', titel: 'Contactpoging', velden: [
    { naam: 'kanaal', label: 'Kanaal', soort: 'keuze', keuzes: ['telefoon', 'brief', 'email', 'huisbezoek', 'balie'] },
    { naam: 'bereikt', label: 'Is de klant bereikt?', soort: 'janee' }] },
  { pad: 'zienswijze', titel: 'Zienswijze van de klant', velden: [
    { naam: 'soort', label: 'Soort zienswijze', soort: 'keuze', keuzes: ['mondeling', 'schriftelijk', 'geen-reactie'] },
    { naam: 'samenvatting', label: 'Samenvatting van wat de klant zei', soort: 'tekst' }] },
  { pad: 'beoordeling', titel: 'Beoordeling', velden: [
    { naam: 'verwijtbaarheid', label: 'Verwijtbaarheid', soort: 'keuze', keuzes: ['verwijtbaar', 'verminderd-verwijtbaar', 'niet-verwijtbaar'] },
    { naam: 'dringendeRedenen', label: 'Zijn er dringende redenen?', soort: 'janee' }] },
  { pad: 'besluit', titel: 'Besluit', velden: [
    { naam: 'soort', label: 'Besluit', soort: 'keuze', keuzes: ['geen-maatregel', 'waarschuwing', 'voorstel-maatregel', 'rechtmatigheidsonderzoek'] },
    { naam: 'percentage', label: 'Percentage (alleen bij voorstel maatregel)', soort: 'getal' },
    { naam: 'duurMaanden', label: 'Duur in maanden (alleen bij voorstel maatregel)', soort: 'getal' }] },
];
// The letters (decision 31): the voornemen after the beoordeling and before the besluit (only for a waarschuwing
// or maatregel), the besluitbrief after the besluit. The server refuses one out of order or inside the zienswijze term (409).
const VOORNEMEN = { pad: 'voornemen', titel: 'Voornemen versturen', velden: [
  { naam: 'soort', label: 'Wat is het voornemen?', soort: 'keuze', keuzes: ['waarschuwing', 'voorstel-maatregel'] },
  { naam: 'percentage', label: 'Percentage (alleen bij voorstel maatregel)', soort: 'getal' },
  { naam: 'duurMaanden', label: 'Duur in maanden (alleen bij voorstel maatregel)', soort: 'getal' }] };
const BESLUITBRIEF = { pad: 'besluitbrief', titel: 'Besluitbrief versturen', velden: [
  { naam: 'ingangsdatum', label: 'Ingangsdatum (leeg: de datum van de brief)', soort: 'datum' }] };
// Not a step towards a besluit: a medewerker who cannot finish hands the case back; the steps so far stay.
const TERUGGAVE = { pad: 'teruggave', titel: 'Teruggeven aan de wachtrij (een collega neemt het over)', velden: [] };

const sessie = await startPagina();
if (!magPagina(sessie, '/handhaving.html')) geenToegang(document.getElementById('inhoud'), '/handhaving.html');
else await start();

async function start() {
  toonRechtmatigheid();
  document.getElementById('status-filter').addEventListener('change', toonWachtrij);
  document.getElementById('wachtrij').addEventListener('click', e => {
    const knop = e.target.closest('button[data-signaal]');
    if (knop) toonSignaal(knop.dataset.signaal);
  });
  try {
    await verbind('/hubs/handhaving', { Signalen: lijst => { vulLijst(lijst); }, SignaalGewijzigd: item => { signalen.set(item.id, item); toonWachtrij(); vernieuwGekozen(item.id); } },
      v => v.invoke('Volg'));
  } catch {
    // The hub is not there (yet) or unreachable: keep the page useful by polling.
    toonVerbinding('periodiek');
    await ververs();
    verversTimer = setInterval(ververs, 10000);
  }
}

async function ververs() {
  try {
    vulLijst(await api('/api/v1/handhavingssignalen'));
  } catch (fout) {
    vervang(document.getElementById('melding'), el('p', {}, 'De wachtrij is niet op te halen: ' + fout.message));
  }
}

function vulLijst(lijst) {
  signalen.clear();
  for (const s of lijst) signalen.set(s.id, s);
  toonWachtrij();
}

function toonWachtrij() {
  const filter = document.getElementById('status-filter').value;
  const lijst = [...signalen.values()].filter(s => !filter || s.status === filter)
    .sort((a, b) => a.aangemaaktOp.localeCompare(b.aangemaaktOp));
  document.getElementById('wachtrij-telling').textContent = `${lijst.length} ${lijst.length === 1 ? 'signaal' : 'signalen'} in deze lijst, ${signalen.size} in totaal.`;
  document.body.dataset.signalen = String(signalen.size);
  // Every push draws the queue anew: a keyboard user on a Bekijk button stays on it (or in the queue).
  const herstelFocus = onthoudFocus(document.getElementById('wachtrij'));
  vervang(document.getElementById('wachtrij'), tabel('Signalen', [{ kop: 'Klant', rijkop: true }, { kop: 'Campagne' }, { kop: 'Sinds' }, { kop: 'Status' }, { kop: 'Actie' }],
    lijst.map(s => [
      el('span', {}, s.naam, el('br'), el('span', { class: 'toelichting' }, s.klantnummer)),
      s.campagneId, datum(s.aangemaaktOp),
      el('span', {}, woorden(s.status), s.behandelaar ? ' door ' + s.behandelaar : '', s.besluit ? ': ' + woorden(s.besluit) : ''),
      el('button', { type: 'button', class: 'tweede', 'data-signaal': s.id, 'data-sleutel': s.id, 'aria-label': 'Bekijk signaal van ' + s.naam }, 'Bekijk')]),
    { leegTekst: 'Geen signalen in deze lijst.' }));
  herstelFocus();
}

function vernieuwGekozen(id) { if (gekozen === id) toonSignaal(id, { focus: false }); }

async function toonSignaal(id, { focus = true } = {}) {
  gekozen = id;
  const sectie = document.getElementById('signaal-sectie');
  sectie.hidden = false;
  try {
    const d = await api('/api/v1/handhavingssignalen/' + encodeURIComponent(id));
    const r = d.review;
    // A live push for this signal draws it anew: a keyboard user in its history table stays there.
    const herstelFocus = onthoudFocus(document.getElementById('signaal'));
    document.getElementById('kop-signaal').textContent = `Signaal: ${d.naam} (${d.klantnummer})`;
    vervang(document.getElementById('signaal'),
      el('dl', { class: 'kengetallen gegevens' },
        veld('Status', woorden(r.status)), veld('Campagne', d.campagneNaam), veld('Klantmanager', d.klantmanager),
        veld('Aangemaakt', datumTijd(r.signaal.aangemaaktOp)),
        veld('Zienswijzetermijn tot', r.zienswijzeTermijnTot ? datum(r.zienswijzeTermijnTot) : '—')),
      el('p', {}, el('strong', {}, 'Reden: '), r.signaal.reden),
      el('h3', {}, 'Nog te doen'),
      r.nogTeDoen.length ? el('ul', { id: 'nog-te-doen' }, r.nogTeDoen.map(t => el('li', {}, t)))
        : el('p', { class: 'leeg' }, r.besluitbrief ? 'Niets meer: er is besloten en de besluitbrief is verstuurd.' : 'Er is besloten. Verstuur de besluitbrief.'),
      el('h3', {}, 'Uitnodigingen in deze campagne'),
      tabel('Uitnodigingshistorie', [{ kop: 'Poging', rijkop: true }, { kop: 'Moment' }, { kop: 'Status' }, { kop: 'Afwezigheid' }, { kop: 'Brieven' }],
        d.uitnodigingen.map(u => [String(u.poging), datumTijd(u.start), woorden(u.status), u.afwezigheid ? woorden(u.afwezigheid) : '—',
          u.brieven.map(b => `${woorden(b.soort)} (${woorden(b.status)}${b.verzondenOp ? ', ' + datum(b.verzondenOp) : ''})`).join('; ') || '—'])),
      el('h3', {}, 'Stappen tot nu toe'),
      stappenTijdlijn(r),
      el('h3', {}, 'Brieven'),
      brieven(id, r));
    toonStapFormulieren(id, r);
    if (focus) document.getElementById('kop-signaal').focus();
    else herstelFocus();
  } catch (fout) {
    vervang(document.getElementById('signaal'), el('div', { class: 'foutmelding' }, el('p', {}, fout.message)));
  }
}

function stappenTijdlijn(r) {
  const regels = [];
  if (r.inBehandeling) regels.push(['In behandeling', r.inBehandeling, '']);
  if (r.bezorging) regels.push(['Bezorging', r.bezorging.stap, r.bezorging.bezorgd ? 'bezorgd' : 'niet bezorgd']);
  for (const c of r.contactpogingen) regels.push(['Contactpoging', c.stap, `${c.kanaal}, ${c.bereikt ? 'bereikt' : 'niet bereikt'}`]);
  if (r.zienswijze) regels.push(['Zienswijze', r.zienswijze.stap, woorden(r.zienswijze.soort) + (r.zienswijze.samenvatting ? ': ' + r.zienswijze.samenvatting : '')]);
  if (r.beoordeling) regels.push(['Beoordeling', r.beoordeling.stap, `${woorden(r.beoordeling.verwijtbaarheid)}, dringende redenen: ${r.beoordeling.dringendeRedenen ? 'ja' : 'nee'}`]);
  if (r.besluit) regels.push(['Besluit', r.besluit.stap, woorden(r.besluit.soort) + (r.besluit.percentage ? ` ${r.besluit.percentage}% gedurende ${r.besluit.duurMaanden} maand(en)` : '')]);
  if (r.voornemen) regels.push(['Voornemen verstuurd', r.voornemen.stap, `${woorden(r.voornemen.soort)}; zienswijze tot en met ${datum(r.voornemen.zienswijzeTotEnMet)}`]);
  if (r.besluitbrief) regels.push(['Besluitbrief verstuurd', r.besluitbrief.stap, `ingangsdatum ${datum(r.besluitbrief.ingangsdatum)}; bezwaar tot en met ${datum(r.besluitbrief.bezwaarTotEnMet)}`]);
  if (regels.length === 0) return el('p', { class: 'leeg' }, 'Nog geen stappen gezet.');
  return el('ol', { class: 'tijdlijn' }, regels.map(([naam, stap, wat]) =>
    el('li', {}, el('time', { datetime: stap.tijdstip }, datumTijd(stap.tijdstip) + ' — ' + stap.door), el('strong', {}, naam), wat ? ': ' + wat : '', '. ', stap.toelichting)));
}

function brieven(id, r) {
  const lijst = [['Voornemen', r.voornemen], ['Besluitbrief', r.besluitbrief]].filter(([, b]) => b);
  if (lijst.length === 0) return el('p', { class: 'leeg' }, 'Nog geen brief verstuurd.');
  const pad = b => `/api/v1/handhavingssignalen/${encodeURIComponent(id)}/brieven/${encodeURIComponent(b.briefId)}`;
  return el('ul', { id: 'brieven' }, lijst.map(([naam, b]) => el('li', {}, `${naam} van ${datum(b.briefdatum)}: `,
    el('a', { href: pad(b) + '.html', target: '_blank', rel: 'noopener' }, `${naam} lezen`), ' · ',
    el('a', { href: pad(b) + '.pdf', download: '' }, `${naam} als PDF`))));
}

function toonStapFormulieren(id, r) {
  const doel = document.getElementById('stappen');
  // Only steps that can still be taken; the order itself is the server's (Handhavingsregels), which answers 409 saying why.
  const gedaan = { bezorging: !!r.bezorging, zienswijze: !!r.zienswijze, beoordeling: !!r.beoordeling };
  let stappen;
  if (r.status === 'besloten') stappen = r.besluitbrief ? [] : [BESLUITBRIEF];
  else if (r.status === 'open') stappen = STAPPEN.slice(0, 1);
  else {
    stappen = [...STAPPEN.slice(1).filter(s => !gedaan[s.pad]), TERUGGAVE];
    if (r.beoordeling && !r.voornemen) stappen.splice(stappen.findIndex(s => s.pad === 'besluit'), 0, VOORNEMEN);
  }
  if (stappen.length === 0) { vervang(doel); doel.dataset.stappen = ''; return; }
  // A live push with the same open steps leaves the forms alone: it must not wipe what the user is typing.
  const welke = id + ':' + stappen.map(s => s.pad).join(',');
  if (doel.dataset.stappen === welke) return;
  doel.dataset.stappen = welke;
  vervang(doel, el('h3', {}, 'Volgende stap vastleggen'), stappen.map(stap => stapFormulier(id, stap)));
}

function stapFormulier(id, stap) {
  const pre = 'stap-' + stap.pad;
  const form = el('form', { id: pre, novalidate: true, 'data-stap': stap.pad },
    el('fieldset', {}, el('legend', {}, stap.titel),
      stap.velden.map(v => invoer(pre, v)),
      el('div', { class: 'veld' }, el('label', { for: pre + '-toelichting' }, 'Toelichting (waarom)'),
        el('textarea', { id: pre + '-toelichting', name: 'toelichting' })),
      el('button', { type: 'submit' }, 'Vastleggen: ' + stap.titel.toLowerCase())));
  form.addEventListener('submit', e => { e.preventDefault(); bezig(form, () => verstuurStap(id, stap, form)); });
  return form;
}

function invoer(pre, v) {
  const id = pre + '-' + v.naam;
  if (v.soort === 'janee') {
    return el('fieldset', {}, el('legend', {}, v.label), el('div', { class: 'keuzes' },
      el('label', {}, el('input', { type: 'radio', name: v.naam, value: 'true', id: id + '-ja' }), 'Ja'),
      el('label', {}, el('input', { type: 'radio', name: v.naam, value: 'false', id }), 'Nee')));
  }
  if (v.soort === 'keuze') {
    return el('div', { class: 'veld' }, el('label', { for: id }, v.label),
      el('select', { id, name: v.naam }, el('option', { value: '' }, '— kies —'), v.keuzes.map(k => el('option', { value: k }, woorden(k)))));
  }
  return el('div', { class: 'veld' }, el('label', { for: id }, v.label),
    el('input', { id, name: v.naam, type: v.soort === 'getal' ? 'number' : v.soort === 'datum' ? 'date' : 'text', inputmode: v.soort === 'getal' ? 'numeric' : null }));
}

async function verstuurStap(id, stap, form) {
  const body = { toelichting: waarde(form, 'toelichting') };
  for (const v of stap.velden) {
    const w = v.soort === 'janee' ? (form.querySelector(`input[name="${v.naam}"]:checked`)?.value ?? null) : waarde(form, v.naam);
    body[v.naam] = w === null ? null : v.soort === 'janee' ? w === 'true' : v.soort === 'getal' ? Number(w) : w;
  }
  const fouten = document.getElementById('stap-fouten');
  try {
    await api(`/api/v1/handhavingssignalen/${encodeURIComponent(id)}/${stap.pad}`, { methode: 'POST', body });
    wisProbleem(fouten, form);
    toonGelukt(document.getElementById('stap-resultaat'), `Vastgelegd: ${stap.titel.toLowerCase()}.`);
    if (verversTimer) await ververs();
    await toonSignaal(id, { focus: false });
    document.getElementById('kop-signaal').focus();
  } catch (fout) {
    toonProbleem(fouten, fout, form);
  }
}

function veld(naam, inhoud) { return el('div', {}, el('dt', {}, naam), el('dd', {}, inhoud)); }

// The rechtmatigheidssignalen: their own queue with the facts the klantmanager gave (nothing from the dossier).
async function toonRechtmatigheid() {
  const doel = document.getElementById('rechtmatigheid');
  try {
    const lijst = await api('/api/v1/rechtmatigheidssignalen');
    document.body.dataset.rechtmatigheidssignalen = String(lijst.length);
    vervang(doel, tabel('Rechtmatigheidssignalen', [{ kop: 'Klant', rijkop: true }, { kop: 'Aanleiding' }, { kop: 'Feiten' }, { kop: 'Gemeld' }, { kop: 'Status' }],
      lijst.map(r => [
        el('span', {}, r.naam, el('br'), el('span', { class: 'toelichting' }, r.zaak.klantnummer)),
        r.zaak.aanleiding, el('span', {}, r.zaak.feiten, el('br'), el('span', { class: 'toelichting' }, r.zaak.toelichting)),
        `${datum(r.zaak.gemeld.tijdstip)} door ${r.zaak.gemeld.door}`, woorden(r.zaak.status)]),
      { leegTekst: 'Geen rechtmatigheidssignalen.' }));
  } catch (fout) {
    vervang(doel, el('div', { class: 'foutmelding' }, el('p', {}, 'De rechtmatigheidssignalen zijn niet op te halen: ' + fout.message)));
  }
}
