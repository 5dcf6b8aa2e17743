import { el, vervang } from './dom.js';
import { laadSessie, logUit } from './sessie.js';

// Who may use which page, as the API's access rules (Toegang.cs) allow: a beheerder also sees campaign aggregates.
const PAGINAS = [
  { pad: '/programmaleider.html', naam: 'Campagne live', rollen: ['programmaleider', 'beheerder'] },
  { pad: '/rapportages.html', naam: 'Rapportages', rollen: ['programmaleider', 'beheerder'] },
  { pad: '/klantmanager.html', naam: 'Mijn werklijst', rollen: ['klantmanager'] },
  { pad: '/handhaving.html', naam: 'Handhaving', rollen: ['handhaving'] },
  { pad: '/beheer.html', naam: 'Beheer', rollen: ['beheerder'] },
];

export function paginas() { return PAGINAS; }

const STATEN = {
  verbinden: { icoon: '…', tekst: 'Verbinden' },
  verbonden: { icoon: '✓', tekst: 'Verbonden' },
  opnieuw: { icoon: '↻', tekst: 'Opnieuw verbinden' },
  verbroken: { icoon: '✕', tekst: 'Verbroken' },
  periodiek: { icoon: '⟳', tekst: 'Ververst elke 10 s' },
  geen: { icoon: '–', tekst: 'Niet live' },
};

/**
 * Fills the shared header (#kop) and loads the session. Returns the session (null without the
 * session API). The connection indicator starts as "niet live" until a page connects.
 */
export async function startPagina() {
  const sessie = await laadSessie();
  const kop = document.getElementById('kop');
  const nav = el('nav', { 'aria-label': 'Dashboards' }, el('ul', {}, PAGINAS
    .filter(p => magPagina(sessie, p.pad))
    .map(p => el('li', {}, el('a', { href: p.pad, 'aria-current': location.pathname === p.pad ? 'page' : null }, p.naam)))));
  const gebruiker = sessie
    ? [el('span', { id: 'gebruiker' }, 'Ingelogd als ', el('strong', {}, sessie.naam || sessie.gebruikersnaam)),
       el('button', { type: 'button', class: 'tweede', id: 'uitloggen', onclick: () => logUit() }, 'Uitloggen')]
    : [el('span', { id: 'gebruiker' }, 'Geen aanmelding (ontwikkelomgeving)')];
  vervang(kop, el('div', { class: 'kop-binnen' },
    el('a', { class: 'merk', href: '/' }, 'KenJeKlant'),
    nav,
    el('div', { class: 'kop-rechts' },
      el('span', { id: 'verbinding', class: 'verbinding', role: 'status', 'data-staat': 'geen' },
        el('span', { class: 'icoon', 'aria-hidden': 'true' }, STATEN.geen.icoon),
        el('span', { class: 'tekst' }, 'Live: ' + STATEN.geen.tekst)),
      gebruiker)));
  return sessie;
}

/** Shows the live connection's state in words and with an icon (never by colour alone). */
export function toonVerbinding(staat) {
  const e = document.getElementById('verbinding');
  if (!e) return;
  const s = STATEN[staat] || STATEN.geen;
  e.dataset.staat = staat;
  e.querySelector('.icoon').textContent = s.icoon;
  e.querySelector('.tekst').textContent = 'Live: ' + s.tekst;
  document.body.dataset.verbinding = staat;
}

/** True when the session may use this page (no session API: everyone). */
export function magPagina(sessie, pad) {
  const pagina = PAGINAS.find(p => p.pad === pad);
  return !sessie || !pagina || (sessie.rollen || []).some(r => pagina.rollen.includes(r));
}

/** A clear page-level message when the user's roles do not include this page. */
export function geenToegang(main, pad) {
  const pagina = PAGINAS.find(p => p.pad === pad);
  vervang(main, el('h1', {}, 'Geen toegang'),
    el('p', {}, 'Deze pagina is voor de rol ' + (pagina ? pagina.rollen.join(' of ') : '?') + '. Kies hierboven een pagina die bij uw rol hoort.'));
}
