import { api } from './api.js';
import { el, vervang, getal, tabel, woorden, onthoudFocus } from './dom.js';
import { startPagina, magPagina, geenToegang } from './kop.js';
import { volger } from './live.js';
import { staafdiagram, burnUp, grafiekMetTabel, zetPatronen } from './grafieken.js';

// The funnel in the order a campaign moves, with the words a programmaleider uses.
const FUNNEL = [
  ['geselecteerd', 'Geselecteerd'], ['ingepland', 'Ingepland'], ['nietIngepland', 'Niet ingepland'],
  ['uitgenodigd', 'Uitgenodigd'], ['herinnerd', 'Herinnerd'], ['gesproken', 'Gesproken'],
  ['nietVerschenenEenmaal', 'Niet verschenen (1×)'], ['nietVerschenenMeermaals', 'Niet verschenen (meermaals)'],
  ['signalen', 'Handhavingssignalen'], ['geannuleerd', 'Geannuleerd'], ['zonderUitkomst', 'Zonder uitkomst'],
];
// Haarlem's expectation (Ik doe mee): ≤10 % zonder afstand, ~60 % overbrugbaar, ~30 % onoverbrugbaar.
const VERWACHT = [['zonder afstand', 10], ['overbrugbare afstand', 60], ['onoverbrugbare afstand', 30]];
const TREDES = ['1 geïsoleerd', '2 sociale contacten buitenshuis', '3 deelname georganiseerde activiteiten', '4 onbetaald werk', '5 betaald werk met ondersteuning', '6 betaald werk'];
const TREDES_KORT = ['1 geïsoleerd', '2 sociale contacten', '3 georganiseerde activiteit', '4 onbetaald werk', '5 betaald, ondersteund', '6 betaald werk'];

let gevolgd = null;
const volgLive = volger('/hubs/campagnes', { Voortgang: toon });
let laatsteStatus = null;

const sessie = await startPagina();
if (!magPagina(sessie, '/programmaleider.html')) geenToegang(document.getElementById('inhoud'), '/programmaleider.html');
else await start();

async function start() {
  zetPatronen();
  const keuze = document.getElementById('campagne');
  const campagnes = await api('/api/v1/campagnes');
  if (campagnes.length === 0) {
    vervang(document.getElementById('melding'), el('p', {}, 'Er is nog geen campagne. Zet er een op bij Beheer.'));
    keuze.disabled = true;
    return;
  }
  const gevraagd = new URLSearchParams(location.search).get('campagne');
  for (const c of campagnes) keuze.append(el('option', { value: c.id, selected: c.id === gevraagd }, `${c.naam} (${woorden(c.status)})`));
  document.getElementById('kies-campagne').addEventListener('submit', e => { e.preventDefault(); volg(keuze.value); });
  await volg(keuze.value);
}

async function volg(id) {
  gevolgd = id;
  history.replaceState(null, '', '?campagne=' + encodeURIComponent(id));
  try {
    await volgLive(id);
  } catch (fout) {
    // Without the live channel the page still shows the numbers once.
    vervang(document.getElementById('melding'), el('p', {}, 'Live bijwerken lukt niet (' + fout.message + '). De cijfers hieronder zijn van nu en worden niet vanzelf bijgewerkt.'));
    toon(await api('/api/v1/campagnes/' + encodeURIComponent(id) + '/voortgang'));
  }
}

function toon(v) {
  if (v.campagneId !== gevolgd) return;
  // Every push draws the tables and charts anew, several times a second while a campaign runs: the
  // element a keyboard user is on (a table's scroll region, a "Toon als tabel" switch) keeps the focus.
  const herstelFocus = onthoudFocus(document.getElementById('dashboard'));
  document.getElementById('dashboard').hidden = false;
  document.body.dataset.campagne = v.campagneId;
  toonSamenvatting(v);
  toonFunnel(v.funnel);
  toonWeken(v.perWeek);
  toonIndelingen(v.indelingen);
  toonTredes(v.tredes);
  toonUitkomsten(v.uitkomsten);
  vervang(document.getElementById('afwezigheid'), tellingTabel('Niet verschenen per reden', 'Reden', v.afwezigheid));
  toonKlantmanagers(v.perKlantmanager);
  toonOptioneel('sectie-wijk', 'wijken', v.perWijk, 'Per wijk');
  toonOptioneel('sectie-niet-ingepland', 'niet-ingepland', v.nietIngepland, 'Niet ingepland per reden');
  herstelFocus();
}

// The summary is always current on screen, but only a change of status is announced (polite):
// announcing every number several times a second would drown a screen reader.
function toonSamenvatting(v) {
  const f = v.funnel;
  document.getElementById('samenvatting').textContent =
    `Status: ${woorden(v.status)}. ${getal.format(f.gesproken)} van ${getal.format(f.geselecteerd)} geselecteerde klanten gesproken.`;
  if (laatsteStatus !== v.status) {
    document.getElementById('status-live').textContent = `Campagne ${v.campagneId}: ${woorden(v.status)}.`;
    laatsteStatus = v.status;
  }
  document.body.dataset.status = v.status;
}

function toonFunnel(f) {
  vervang(document.getElementById('funnel'), FUNNEL.map(([sleutel, naam]) =>
    el('div', {}, el('dt', {}, naam), el('dd', { 'data-veld': 'funnel.' + sleutel }, getal.format(f[sleutel] ?? 0)))));
  const rijen = FUNNEL.filter(([k]) => !['nietIngepland', 'geannuleerd'].includes(k)).map(([k, naam]) => ({ label: naam, waarden: [f[k] ?? 0] }));
  vervang(document.getElementById('funnel-grafiek'), grafiekMetTabel(
    staafdiagram(rijen, [{ naam: 'Klanten', klasse: 'balk' }]), null,
    'Funnel', [{ kop: 'Stap', rijkop: true }, { kop: 'Klanten', getal: true }], rijen.map(r => [r.label, r.waarden[0]])));
}

function toonWeken(weken) {
  const { svg, punten } = burnUp(weken);
  vervang(document.getElementById('weken'), grafiekMetTabel(svg, [['staal-gepland', 'Gepland (opgeteld)'], ['staal-gehouden', 'Gehouden (opgeteld)']],
    'Gesprekken per week',
    [{ kop: 'Week', rijkop: true }, { kop: 'Gepland', getal: true }, { kop: 'Gehouden', getal: true }, { kop: 'Niet verschenen', getal: true }, { kop: 'Gepland opgeteld', getal: true }, { kop: 'Gehouden opgeteld', getal: true }],
    weken.map((w, i) => [w.week, w.gepland, w.gehouden, w.nietVerschenen, punten[i].gepland, punten[i].gehouden])));
}

function toonIndelingen(indelingen) {
  const totaal = indelingen.reduce((som, t) => som + t.aantal, 0);
  const aantal = naam => (indelingen.find(t => t.naam === naam) || { aantal: 0 }).aantal;
  const pct = n => (totaal === 0 ? 0 : Math.round((n * 100) / totaal));
  const rijen = VERWACHT.map(([naam, verwacht]) => ({ label: naam, waarden: [pct(aantal(naam)), verwacht], aantal: aantal(naam) }));
  vervang(document.getElementById('indelingen'),
    el('p', {}, `${getal.format(totaal)} klanten ingedeeld.`),
    grafiekMetTabel(staafdiagram(rijen, [{ naam: 'Werkelijk', klasse: 'balk' }, { naam: 'Verwacht', klasse: 'balk-verwacht' }], { eenheid: '%', maximum: 100, smal: true }),
      [['staal-balk', 'Werkelijk (%)'], ['staal-verwacht', 'Verwacht (%)']], 'Indeling',
      [{ kop: 'Indeling', rijkop: true }, { kop: 'Aantal', getal: true }, { kop: 'Werkelijk %', getal: true }, { kop: 'Verwacht %', getal: true }],
      rijen.map(r => [r.label, r.aantal, r.waarden[0], r.waarden[1]])));
}

function toonTredes(tredes) {
  const rijen = TREDES.map((naam, i) => ({ label: TREDES_KORT[i], naam, waarden: [(tredes.find(t => t.naam === String(i + 1)) || { aantal: 0 }).aantal] }));
  vervang(document.getElementById('tredes'), grafiekMetTabel(staafdiagram(rijen, [{ naam: 'Klanten', klasse: 'balk' }], { smal: true }), null,
    'Klanten per trede', [{ kop: 'Trede', rijkop: true }, { kop: 'Klanten', getal: true }], rijen.map(r => [r.naam, r.waarden[0]])));
}

function toonUitkomsten(u) {
  const rijen = [['Gesprekken', u.gesprekken], ['Uitkering beëindigd', u.uitkeringBeeindigd],
    ...u.beeindigdPerReden.map(t => ['  waarvan ' + t.naam, t.aantal]),
    ...u.routes.map(t => ['Route: ' + t.naam, t.aantal]), ['Ontheffing arbeidsplicht', u.ontheffingArbeidsplicht]];
  vervang(document.getElementById('uitkomsten'), tabel('Uitkomsten', [{ kop: 'Uitkomst', rijkop: true }, { kop: 'Aantal', getal: true }], rijen));
}

function toonKlantmanagers(lijst) {
  vervang(document.getElementById('klantmanagers'), tabel('Per klantmanager',
    [{ kop: 'Klantmanager', rijkop: true }, { kop: 'Ingepland', getal: true }, { kop: 'Uitgenodigd', getal: true }, { kop: 'Gesproken', getal: true }, { kop: 'Niet verschenen', getal: true }, { kop: 'Zonder uitkomst', getal: true }],
    lijst.map(k => [k.klantmanager, k.ingepland, k.uitgenodigd, k.gesproken, k.nietVerschenen, k.zonderUitkomst])));
}

function tellingTabel(bijschrift, kop, tellingen) {
  return tabel(bijschrift, [{ kop, rijkop: true }, { kop: 'Aantal', getal: true }], (tellingen || []).map(t => [t.naam, t.aantal]));
}

// perWijk (and other optional lists) are rendered by shape: tellingen [{naam, aantal}] or rows of fields.
function toonOptioneel(sectieId, doelId, lijst, bijschrift) {
  const sectie = document.getElementById(sectieId);
  if (!Array.isArray(lijst) || lijst.length === 0) { sectie.hidden = true; return; }
  sectie.hidden = false;
  const sleutels = Object.keys(lijst[0]);
  const kolommen = sleutels.map((k, i) => ({ kop: kopTekst(k), rijkop: i === 0, getal: typeof lijst[0][k] === 'number' }));
  vervang(document.getElementById(doelId), tabel(bijschrift, kolommen, lijst.map(r => sleutels.map(k => r[k]))));
}

function kopTekst(sleutel) {
  const tekst = sleutel.replace(/([A-Z])/g, ' $1').toLowerCase();
  return tekst.charAt(0).toUpperCase() + tekst.slice(1);
}
