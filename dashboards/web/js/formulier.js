import { el, vervang, leeg } from './dom.js';

/**
 * Shows an RFC 9457 problem (title, detail, errors per field) above its form, marks the fields it
 * names as invalid with the message next to them, and moves focus to the summary so keyboard and
 * screen-reader users land on what went wrong.
 */
export function toonProbleem(doel, fout, form) {
  wisProbleem(doel, form);
  const p = (fout && fout.probleem) || {};
  const fouten = Object.entries(p.errors || {}).flatMap(([veld, meldingen]) => meldingen.map(m => ({ veld, melding: m })));
  const samenvatting = el('div', { class: 'foutmelding', tabindex: -1, 'data-probleem': String(fout.status || '') },
    el('h3', {}, p.title || fout.message || 'Er ging iets mis'),
    p.detail && !fouten.some(f => f.melding === p.detail) ? el('p', {}, p.detail) : null,
    fouten.length ? el('ul', {}, fouten.map(f => el('li', {}, f.melding))) : null);
  vervang(doel, samenvatting);
  if (form) {
    for (const f of fouten) {
      const veld = formVeld(form, f.veld);
      if (!veld) continue;
      veld.setAttribute('aria-invalid', 'true');
      const id = veld.id + '-fout';
      const bestaand = document.getElementById(id);
      const melding = bestaand || el('span', { id, class: 'veldfout' });
      melding.textContent = f.melding;
      if (!bestaand) veld.insertAdjacentElement('beforebegin', melding);
      veld.setAttribute('aria-describedby', [veld.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    }
  }
  samenvatting.focus();
}

// The API names a field by its JSON path (capaciteit.slotMinuten); a form may call it by its last part. A group
// of radio buttons has no one field: its message goes to the fieldset around them (when that has an id).
function formVeld(form, pad) {
  const veld = form.elements.namedItem(pad) || form.elements.namedItem(pad.split('.').pop());
  if (veld instanceof RadioNodeList) return (veld[0] && veld[0].closest('fieldset[id]')) || null;
  return veld && veld.id ? veld : null;
}

export function wisProbleem(doel, form) {
  leeg(doel);
  if (!form) return;
  for (const melding of form.querySelectorAll('.veldfout')) {
    const veld = form.querySelector('[aria-describedby~="' + melding.id + '"]');
    if (veld) {
      veld.removeAttribute('aria-invalid');
      const rest = veld.getAttribute('aria-describedby').split(' ').filter(i => i !== melding.id).join(' ');
      if (rest) veld.setAttribute('aria-describedby', rest); else veld.removeAttribute('aria-describedby');
    }
    melding.remove();
  }
}

/** A success message in a polite live region. */
export function toonGelukt(doel, tekst) {
  vervang(doel, el('div', { class: 'gelukt' }, el('p', {}, tekst)));
}

/** The form's value for name, trimmed; null when empty. */
export function waarde(form, naam) {
  const veld = form.elements.namedItem(naam);
  if (!veld) return null;
  const w = (veld.value ?? '').trim();
  return w === '' ? null : w;
}

/** Disables the submit button while a request runs, so a double click does not send twice. */
export async function bezig(form, werk) {
  const knop = form.querySelector('button[type="submit"]');
  if (knop) knop.disabled = true;
  try { return await werk(); } finally { if (knop) knop.disabled = false; }
}
