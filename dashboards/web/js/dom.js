// Small DOM helpers. Everything is built with createElement/textContent: no innerHTML with data, so
// a client's name can never become markup.

/** el('td', { class: 'getal' }, '12') */
export function el(naam, eigenschappen = {}, ...kinderen) {
  const e = document.createElement(naam);
  for (const [sleutel, waarde] of Object.entries(eigenschappen || {})) {
    if (waarde === undefined || waarde === null || waarde === false) continue;
    if (sleutel === 'tekst') e.textContent = waarde;
    else if (sleutel.startsWith('on') && typeof waarde === 'function') e.addEventListener(sleutel.slice(2), waarde);
    else e.setAttribute(sleutel, waarde === true ? '' : String(waarde));
  }
  for (const kind of kinderen.flat()) {
    if (kind === null || kind === undefined || kind === false) continue;
    e.append(kind instanceof Node ? kind : document.createTextNode(String(kind)));
  }
  return e;
}

export function leeg(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

/**
 * A redraw replaces the element a keyboard user is on and leaves the focus nowhere. Call before the
 * redraw; the function it returns, called after it, finds the element again in the new drawing by what
 * names it (data-sleutel with data-actie, aria-label, a summary's text), focuses it, keeps its horizontal
 * scroll and returns it. When the redraw removed it (a colleague planned that herbeoordeling), the focus
 * goes to the scroll region of the list it was in, or that list itself, rather than to the top of the page.
 * Returns null when the focus was elsewhere, survived the redraw, or has no place left to go. Wherever the
 * focus is, the redraw may have moved it out of the window: it is brought back into view (focusInBeeld).
 */
export function onthoudFocus(binnen) {
  const herstel = zoekFocusWeer(binnen);
  return () => { const weer = herstel(); focusInBeeld(); return weer; };
}

function zoekFocusWeer(binnen) {
  const e = document.activeElement;
  if (!e || !binnen.contains(e)) return () => null;
  const { sleutel, actie } = e.dataset;
  const label = e.getAttribute('aria-label'), links = e.scrollLeft;
  const samenvatting = e.tagName === 'SUMMARY' ? e.textContent : null;
  const plek = e.parentElement && e.parentElement.closest('[id]');
  const plekId = plek && binnen.contains(plek) ? plek.id : null;
  return () => {
    if (binnen.contains(document.activeElement)) return null;
    const weer = sleutel !== undefined ? [...binnen.querySelectorAll('[data-sleutel]')].find(k => k.dataset.sleutel === sleutel && k.dataset.actie === actie)
      : label ? [...binnen.querySelectorAll('[aria-label]')].find(k => k.getAttribute('aria-label') === label)
        : [...binnen.querySelectorAll('summary')].find(k => k.textContent === samenvatting);
    if (weer) {
      weer.focus({ preventScroll: true });
      weer.scrollLeft = links;
      return weer;
    }
    const lijst = plekId && document.getElementById(plekId);
    const opvang = lijst && (lijst.querySelector('[tabindex="0"]') || (lijst.tabIndex >= 0 ? lijst : null));
    if (!opvang) return null;
    opvang.focus({ preventScroll: true });
    return opvang;
  };
}

/**
 * A redraw elsewhere on the page (a live push growing a table above) can move the focused element out of
 * the window without the user doing anything; a keyboard user then acts on what they cannot see (WCAG
 * 2.4.11). Scrolls it back only when it left the window, so a page the user is reading does not jump.
 */
function focusInBeeld() {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return;
  const r = e.getBoundingClientRect();
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) e.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

export function vervang(e, ...kinderen) { leeg(e); e.append(...kinderen.flat(Infinity).filter(k => k !== null && k !== undefined)); return e; }

export const getal = new Intl.NumberFormat('nl-NL');

// One formatter each: toLocaleDateString with options builds a new one per call, which made a werklijst of a
// thousand afspraken take most of a second to draw.
const datumFormaat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const datumTijdFormaat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function datum(tekst) {
  if (!tekst) return '';
  return datumFormaat.format(new Date(tekst.length === 10 ? tekst + 'T00:00:00' : tekst));
}

export function datumTijd(tekst) {
  if (!tekst) return '';
  return datumTijdFormaat.format(new Date(tekst));
}

/** Ordinal order, as the server sorts (ISO dates and klantnummers): no collator needed. */
export function ordinaal(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

/** "overbrugbare-afstand" → "overbrugbare afstand" */
export function woorden(tekst) { return String(tekst ?? '').replaceAll('-', ' '); }

/** A table with a caption: kolommen [{ kop, getal? }], rijen [[cell…]]. */
export function tabel(bijschrift, kolommen, rijen, { leegTekst = 'Nog niets.' } = {}) {
  const kop = el('tr', {}, kolommen.map(k => el('th', { scope: 'col', class: k.getal ? 'getal' : null }, k.kop)));
  const lichaam = rijen.length === 0
    ? [el('tr', {}, el('td', { colspan: kolommen.length, class: 'leeg' }, leegTekst))]
    : rijen.map(rij => el('tr', {}, rij.map((cel, i) => i === 0 && kolommen[0].rijkop
      ? el('th', { scope: 'row' }, cel)
      : el('td', { class: kolommen[i].getal ? 'getal' : null }, typeof cel === 'number' ? getal.format(cel) : cel))));
  return el('div', { class: 'tabel-omhulsel', tabindex: 0, role: 'region', 'aria-label': 'Tabel: ' + bijschrift }, el('table', {}, el('caption', {}, bijschrift), el('thead', {}, kop), el('tbody', {}, lichaam)));
}
