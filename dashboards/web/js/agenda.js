import { api } from './api.js';
import { el, vervang, tabel, woorden, onthoudFocus } from './dom.js';

// The klantmanager's agenda, one week (maandag t/m zondag) at a time: the booked gesprekken of every kind
// and the first free moments, from GET /api/v1/klantmanagers/{id}/agenda. The week starts from the server's
// date (the domain clock, which the demo moves), never from the browser's.
//
// toonAgenda only draws. Free moments are buttons with data-moment (the ISO start as the API gave it) inside
// #vrije-momenten; choosing one marks it (aria-pressed) and fires a 'moment-gekozen' event on #agenda with
// { start, eind }, so a "Gesprek plannen" form can take it from there.

/** How many free moments the week shows: the first ones, enough to offer the client a choice. */
export const EERSTE_VRIJE_MOMENTEN = 8;

const dag = iso => new Date(iso + 'T00:00:00Z');

/** '2026-12-03' plus n days, as a date string (no time zone can move it). */
export function plusDagen(iso, n) {
  const d = dag(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week that holds this date. */
export function maandagVan(iso) { return plusDagen(iso, -((dag(iso).getUTCDay() + 6) % 7)); }

/** ISO 8601 week number: the week that holds the year's first Thursday is week 1. */
export function weeknummer(iso) {
  const donderdag = dag(plusDagen(maandagVan(iso), 3));
  return Math.floor((donderdag - Date.UTC(donderdag.getUTCFullYear(), 0, 1)) / 86_400_000 / 7) + 1;
}

const datumTekst = (iso, opties) => dag(iso).toLocaleDateString('nl-NL', { ...opties, timeZone: 'UTC' });

/** "Week 49: maandag 30 november t/m zondag 6 december 2026" */
export function weekTekst(van, tot) {
  return `Week ${weeknummer(van)}: ${datumTekst(van, { weekday: 'long', day: 'numeric', month: 'long' })} t/m ${datumTekst(tot, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}`;
}

const tijd = t => new Date(t).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
const dagVan = t => new Date(t).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long' });

/** "dinsdag 1 december, 09:00–09:45" */
export function momentTekst(moment) { return `${dagVan(moment.start)}, ${tijd(moment.start)}–${tijd(moment.eind)}`; }

/**
 * Draws one agenda answer into doel: the booked gesprekken as a table (with a Dossier button per client, as
 * the werklijst has) and the first free moments as buttons. Returns a short summary for a live region.
 */
export function toonAgenda(doel, agenda, { aantalVrij = EERSTE_VRIJE_MOMENTEN } = {}) {
  const week = weekTekst(agenda.van, agenda.tot);
  const geboekt = agenda.geboekt.map(g => [
    el('span', {}, momentTekst(g)),
    g.klantnummer,
    g.campagneNaam,
    woorden(g.status),
    el('button', { type: 'button', class: 'tweede', 'data-actie': 'dossier', 'data-sleutel': g.klantnummer + '|agenda',
      'aria-label': 'Dossier van klant ' + g.klantnummer }, 'Dossier'),
  ]);
  const eerste = agenda.vrij.slice(0, aantalVrij);
  const vroegst = new Date(agenda.vroegstMogelijk);
  vervang(doel,
    el('h3', {}, 'Gesprekken'),
    tabel('Gesprekken in week ' + weeknummer(agenda.van),
      [{ kop: 'Wanneer', rijkop: true }, { kop: 'Klantnummer' }, { kop: 'Soort gesprek' }, { kop: 'Stand' }, { kop: 'Acties' }],
      geboekt, { leegTekst: 'Geen gesprekken in deze week.' }),
    el('h3', {}, 'Vrije momenten'),
    el('p', { class: 'toelichting' },
      // The lead time matters only in the week it ends in (or before it).
      vroegst >= dag(agenda.van) ? `Een nieuw gesprek kan vanaf ${dagVan(vroegst)}: dan komt de uitnodiging op tijd aan. ` : '',
      agenda.vrij.length > eerste.length ? `In deze week zijn er ${agenda.vrij.length} vrije momenten. Hier staan de eerste ${eerste.length}.` : ''),
    el('div', { id: 'vrije-momenten' },
      eerste.length === 0
        ? el('p', { class: 'leeg' }, 'Geen vrije momenten meer in deze week. Kijk bij de volgende week.')
        : el('ul', { class: 'momenten', 'aria-label': 'Vrije momenten in week ' + weeknummer(agenda.van) }, eerste.map(m =>
          el('li', {}, el('button', { type: 'button', class: 'tweede', 'data-moment': m.start, 'data-eind': m.eind, 'aria-pressed': 'false' }, momentTekst(m)))))),
    el('p', { id: 'moment-gekozen', role: 'status', 'aria-live': 'polite' }));
  const gesprekken = agenda.geboekt.length === 1 ? '1 gesprek' : `${agenda.geboekt.length} gesprekken`;
  return `${week}. ${gesprekken}, ${agenda.vrij.length === 1 ? '1 vrij moment' : agenda.vrij.length + ' vrije momenten'}.`;
}

/**
 * The section #agenda for one klantmanager: loads the week of the server's today, Vorige week / Volgende week,
 * the .ics link. Returns { ververs } to draw the same week again after a change elsewhere on the page, and
 * { vandaag } the server's date as the page first heard it.
 */
export function startAgenda(klantmanager) {
  const sectie = document.getElementById('agenda');
  const inhoud = document.getElementById('agenda-inhoud');
  const label = document.getElementById('agenda-week');
  const pad = '/api/v1/klantmanagers/' + encodeURIComponent(klantmanager) + '/agenda';
  let van = null; // the Monday of the week asked for last (a second click does not wait for the first answer)
  let vandaag = null; // the server's date (domain clock) when the agenda was first asked without dates
  let volgnummer = 0;
  document.getElementById('agenda-ics').href = pad + '.ics';
  sectie.hidden = false;

  // meld: say the new week in the live region (after Vorige week / Volgende week, not when the page opens).
  async function laad(maandag, { meld = false } = {}) {
    const nummer = ++volgnummer;
    if (maandag) van = maandag;
    try {
      let agenda = await api(maandag ? `${pad}?van=${maandag}&tot=${plusDagen(maandag, 6)}` : pad);
      if (!maandag) vandaag = agenda.van;
      // Without a date the server answers from its own today: that day's week is asked for then.
      if (!maandag && maandagVan(agenda.van) !== agenda.van) {
        const eigen = maandagVan(agenda.van);
        agenda = await api(`${pad}?van=${eigen}&tot=${plusDagen(eigen, 6)}`);
      }
      if (nummer !== volgnummer) return; // a later click asked for another week
      van = agenda.van;
      sectie.dataset.van = agenda.van;
      label.textContent = weekTekst(agenda.van, agenda.tot);
      const herstelFocus = onthoudFocus(inhoud);
      const samenvatting = toonAgenda(inhoud, agenda);
      herstelFocus();
      if (meld) document.getElementById('agenda-samenvatting').textContent = samenvatting;
    } catch (fout) {
      if (nummer !== volgnummer) return;
      vervang(inhoud, el('div', { class: 'foutmelding' }, el('p', {}, 'De agenda is niet op te halen: ' + fout.message)));
    }
  }

  document.getElementById('agenda-vorige').addEventListener('click', () => van && laad(plusDagen(van, -7), { meld: true }));
  document.getElementById('agenda-volgende').addEventListener('click', () => van && laad(plusDagen(van, 7), { meld: true }));
  inhoud.addEventListener('click', e => {
    const knop = e.target.closest('#vrije-momenten button[data-moment]');
    if (!knop) return;
    for (const ander of inhoud.querySelectorAll('#vrije-momenten button[aria-pressed="true"]')) ander.setAttribute('aria-pressed', 'false');
    knop.setAttribute('aria-pressed', 'true');
    document.getElementById('moment-gekozen').textContent = 'Gekozen: ' + knop.textContent + '.';
    sectie.dispatchEvent(new CustomEvent('moment-gekozen', { detail: { start: knop.dataset.moment, eind: knop.dataset.eind } }));
  });
  laad(null);
  return { ververs: () => laad(van), vandaag: () => vandaag };
}
