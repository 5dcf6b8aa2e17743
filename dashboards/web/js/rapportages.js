import { api, ApiFout } from './api.js';
import { el, vervang, tabel } from './dom.js';
import { startPagina, magPagina, geenToegang } from './kop.js';
import { staafdiagram, grafiekMetTabel } from './grafieken.js';

const PAD = '/rapportages.html';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sessie = await startPagina();
const main = document.getElementById('inhoud');
if (!magPagina(sessie, PAD)) {
  geenToegang(main, PAD);
} else {
  await start();
}

function iso(d) { return d.toISOString().slice(0, 10); }

async function start() {
  const soort = document.getElementById('soort');
  const gemeente = document.getElementById('gemeente');
  const melding = document.getElementById('melding');
  const vandaag = new Date();
  const jaarTerug = new Date(vandaag); jaarTerug.setFullYear(vandaag.getFullYear() - 1); jaarTerug.setDate(jaarTerug.getDate() + 1);
  document.getElementById('tot').value = iso(vandaag);
  document.getElementById('van').value = iso(jaarTerug);
  document.getElementById('doel-jaar').value = vandaag.getFullYear();

  const [soorten, gemeenten, indicatoren] = await Promise.all([
    api('/api/v1/rapportages'), api('/api/v1/gemeenten'), api('/api/v1/doelen/indicatoren')]);
  soort.append(...soorten.map(s => el('option', { value: s.soort }, s.titel)));
  for (const keuze of [gemeente, document.getElementById('doel-gemeente')])
    keuze.append(...gemeenten.map(g => el('option', { value: g.code }, `${g.naam} (${g.code})`)));
  document.getElementById('doel-indicator').append(...indicatoren.map(i => el('option', { value: i.code }, `${i.naam} (${i.eenheid})`)));

  document.getElementById('kies-rapportage').addEventListener('submit', async e => {
    e.preventDefault();
    vervang(melding);
    try {
      toon(await api(adres()));
    } catch (fout) {
      vervang(melding, el('p', { class: 'fout' }, foutTekst(fout)));
    }
  });
  document.getElementById('download-csv').addEventListener('click', () => download('text/csv', 'csv'));
  document.getElementById('download-xlsx').addEventListener('click', () => download(XLSX, 'xlsx'));
  document.getElementById('doel-form').addEventListener('submit', zetDoel);
  document.body.dataset.klaar = 'ja';
}

function adres() {
  const p = new URLSearchParams();
  for (const naam of ['van', 'tot', 'gemeente']) {
    const waarde = document.getElementById(naam).value;
    if (waarde) p.set(naam, waarde);
  }
  return `/api/v1/rapportages/${encodeURIComponent(document.getElementById('soort').value)}?${p}`;
}

function foutTekst(fout) {
  if (!(fout instanceof ApiFout)) return String(fout);
  const velden = Object.entries(fout.probleem.errors || {}).map(([veld, meldingen]) => `${veld}: ${meldingen.join(' ')}`);
  return [fout.message, fout.probleem.detail, ...velden].filter(Boolean).join(' — ');
}

function toon(rapport) {
  document.getElementById('rapport').hidden = false;
  document.getElementById('rapport-titel').textContent = `${rapport.titel} — ${rapport.gebied}`;
  document.getElementById('rapport-toelichting').textContent = rapport.toelichting;
  document.getElementById('afdrukken').href = adres();
  vervang(document.getElementById('tabellen'), rapport.tabellen.map(kaart));
}

// A chart of the first column (or, for a trend, the last: the share) with the full table beside it.
function kaart(t, i) {
  const kolommen = [{ kop: t.rijkop, rijkop: true }, ...t.kolommen.map(k => ({ kop: k, getal: true }))];
  const rijen = t.rijen.map(r => [r.label, ...r.cellen.map(c => c.weergave)]);
  const kolom = t.grafiek === 'lijn' ? t.kolommen.length - 1 : 0;
  const getekend = t.rijen.filter(r => r.label !== 'Totaal' && r.cellen[kolom].waarde !== null);
  const inhoud = t.grafiek === 'geen' || getekend.length === 0
    ? [tabel(t.titel, kolommen, rijen)]
    : grafiekMetTabel(staafdiagram(getekend.map(r => ({ label: r.label, waarden: [Number(r.cellen[kolom].waarde)] })),
        [{ naam: t.kolommen[kolom], klasse: 'balk' }], { eenheid: t.kolommen[kolom] === '%' ? '%' : '' }), null, t.titel, kolommen, rijen);
  return el('section', { class: 'kaart breed', 'aria-labelledby': `tabel-${i}` },
    el('h3', { id: `tabel-${i}` }, t.titel), t.toelichting ? el('p', { class: 'toelichting' }, t.toelichting) : null, ...inhoud);
}

async function download(type, extensie) {
  const melding = document.getElementById('melding');
  const antwoord = await fetch(adres(), { headers: { Accept: type }, credentials: 'same-origin' });
  if (!antwoord.ok) { vervang(melding, el('p', { class: 'fout' }, `Downloaden lukte niet (${antwoord.status}).`)); return; }
  const url = URL.createObjectURL(await antwoord.blob());
  const a = el('a', { href: url, download: `rapportage-${document.getElementById('soort').value}.${extensie}` });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function zetDoel(e) {
  e.preventDefault();
  const melding = document.getElementById('doel-melding');
  const indicator = document.getElementById('doel-indicator').value;
  const jaar = document.getElementById('doel-jaar').value;
  const gemeente = document.getElementById('doel-gemeente').value || null;
  try {
    const doel = await api(`/api/v1/doelen/${encodeURIComponent(indicator)}/${encodeURIComponent(jaar)}`,
      { methode: 'PUT', body: { waarde: Number(document.getElementById('doel-waarde').value), gemeente } });
    vervang(melding, el('p', {}, `Doel gezet: ${doel.indicator} ${doel.jaar} = ${doel.waarde}.`));
  } catch (fout) {
    vervang(melding, el('p', { class: 'fout' }, foutTekst(fout)));
  }
}
