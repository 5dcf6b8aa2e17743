// Small accessible charts as inline SVG. The SVG is a picture for those who would rather look; the
// same numbers are always in a table next to it (the text equivalent), so the SVG is hidden from
// assistive technology instead of described twice. Series differ by shape and pattern, not colour.
import { el, getal, tabel } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function s(naam, eigenschappen = {}, ...kinderen) {
  const e = document.createElementNS(NS, naam);
  for (const [k, v] of Object.entries(eigenschappen)) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const kind of kinderen.flat()) if (kind) e.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  return e;
}

/** The hatch pattern for "expected" bars, defined once per page. */
export function zetPatronen() {
  if (document.getElementById('kjk-patronen')) return;
  const svg = s('svg', { id: 'kjk-patronen', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false', style: null },
    s('defs', {}, s('pattern', { id: 'arcering', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: '#fff' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#1b1b1b', 'stroke-width': 2 }))));
  svg.classList.add('verborgen');
  document.body.append(svg);
}

/**
 * Horizontal bars. reeksen: [{ naam, klasse }] (max 2), rijen: [{ label, waarden: [n…] }].
 * Returns an SVG; `eenheid` is appended to value labels (e.g. '%').
 */
export function staafdiagram(rijen, reeksen, { eenheid = '', maximum, smal = false } = {}) {
  // A chart in a half-width card gets a narrower drawing, so its text is not scaled down to unreadable.
  const labelBreedte = smal ? 150 : 190, breedte = smal ? 400 : 640, balkHoogte = 16, tussen = 10;
  const perRij = reeksen.length * balkHoogte + tussen;
  const hoogte = Math.max(40, rijen.length * perRij + 24);
  const max = maximum ?? Math.max(1, ...rijen.flatMap(r => r.waarden));
  const schaal = (breedte - labelBreedte - 60) / max;
  const svg = s('svg', { class: 'grafiek', viewBox: `0 0 ${breedte} ${hoogte}`, 'aria-hidden': 'true', focusable: 'false' });
  svg.append(s('line', { class: 'as', x1: labelBreedte, y1: 4, x2: labelBreedte, y2: hoogte - 16 }));
  rijen.forEach((rij, i) => {
    const y = 8 + i * perRij;
    svg.append(s('text', { x: labelBreedte - 6, y: y + (reeksen.length * balkHoogte) / 2 + 4, 'text-anchor': 'end' }, kort(rij.label, smal ? 22 : 28)));
    reeksen.forEach((reeks, j) => {
      const w = Math.max(0, rij.waarden[j] * schaal);
      const by = y + j * balkHoogte;
      svg.append(s('rect', { class: reeks.klasse, x: labelBreedte + 1, y: by + 1, width: w, height: balkHoogte - 3 }));
      svg.append(s('text', { x: labelBreedte + w + 5, y: by + balkHoogte - 4 }, getal.format(rij.waarden[j]) + eenheid));
    });
  });
  return svg;
}

/** Burn-up: cumulative planned (dashed, open dots) against held (solid, filled dots) per ISO week. */
export function burnUp(weken) {
  const breedte = 640, hoogte = 260, links = 48, onder = 40, boven = 12, rechts = 12;
  let somGepland = 0, somGehouden = 0;
  const punten = weken.map(w => ({ week: w.week, gepland: (somGepland += w.gepland), gehouden: (somGehouden += w.gehouden) }));
  const max = Math.max(1, ...punten.map(p => p.gepland));
  const x = i => links + (punten.length <= 1 ? 0 : (i * (breedte - links - rechts)) / (punten.length - 1));
  const y = v => hoogte - onder - (v * (hoogte - onder - boven)) / max;
  const svg = s('svg', { class: 'grafiek', viewBox: `0 0 ${breedte} ${hoogte}`, 'aria-hidden': 'true', focusable: 'false' });
  for (let k = 0; k <= 4; k++) {
    const v = Math.round((max * k) / 4);
    svg.append(s('line', { class: 'raster-lijn', x1: links, x2: breedte - rechts, y1: y(v), y2: y(v) }),
      s('text', { x: links - 6, y: y(v) + 4, 'text-anchor': 'end' }, getal.format(v)));
  }
  svg.append(s('line', { class: 'as', x1: links, y1: hoogte - onder, x2: breedte - rechts, y2: hoogte - onder }));
  const stap = Math.max(1, Math.ceil(punten.length / 8));
  punten.forEach((p, i) => { if (i % stap === 0) svg.append(s('text', { x: x(i), y: hoogte - onder + 16, 'text-anchor': 'middle' }, p.week.replace(/^\d{4}-/, ''))); });
  const pad = sleutel => punten.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[sleutel]).toFixed(1)}`).join(' ');
  if (punten.length > 0) {
    svg.append(s('path', { class: 'lijn-gepland', d: pad('gepland') }), s('path', { class: 'lijn-gehouden', d: pad('gehouden') }));
    punten.forEach((p, i) => svg.append(
      s('circle', { class: 'punt-gepland', cx: x(i), cy: y(p.gepland), r: 3.5 }),
      s('rect', { class: 'punt-gehouden', x: x(i) - 3.5, y: y(p.gehouden) - 3.5, width: 7, height: 7 })));
  }
  return { svg, punten };
}

export function legenda(items) {
  return el('ul', { class: 'legenda', 'aria-hidden': 'true' }, items.map(([klasse, tekst]) => el('li', {}, el('span', { class: 'staal ' + klasse }), tekst)));
}

// Which tables the user opened: a live push redraws the chart, but must not fold the table shut again.
const geopend = new Set();

/** A chart with its table: the table is the accessible version and is always one click away. */
export function grafiekMetTabel(svg, legendaItems, bijschrift, kolommen, rijen) {
  // The drawn table, while it is still on the page, is the truth: `toggle` fires a task after the click, so a
  // push that redraws in between would otherwise fold a table shut that the user just opened.
  const getoond = [...document.querySelectorAll('details[data-tabel]')].find(d => d.dataset.tabel === bijschrift);
  const details = el('details', { open: getoond ? getoond.open : geopend.has(bijschrift), 'data-tabel': bijschrift },
    el('summary', {}, 'Toon als tabel: ' + bijschrift.toLowerCase()), tabel(bijschrift, kolommen, rijen));
  details.addEventListener('toggle', () => { if (details.open) geopend.add(bijschrift); else geopend.delete(bijschrift); });
  return [svg, legendaItems ? legenda(legendaItems) : null, details];
}

function kort(tekst, max) { tekst = String(tekst); return tekst.length > max ? tekst.slice(0, max - 1) + '…' : tekst; }
