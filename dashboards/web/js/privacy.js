// The beheerder as privacyfunctionaris: an inzage for one client as PDF, and the bewaartermijnen (see what is past
// its term, approve whom to anonymise). The server decides and logs everything; this page only asks and shows.
import { api, ApiFout } from './api.js';
import { el, vervang, leeg, datum, tabel } from './dom.js';
import { toonProbleem, wisProbleem, toonGelukt, waarde, bezig } from './formulier.js';

export function startPrivacy() {
  const inzage = document.getElementById('inzage-form');
  inzage.addEventListener('submit', e => { e.preventDefault(); bezig(inzage, vraagInzage); });
  const voorstel = document.getElementById('bewaren-voorstel');
  voorstel.addEventListener('click', async () => {
    voorstel.disabled = true;
    try { await toonVoorstel(); } finally { voorstel.disabled = false; }
  });
  const bewaren = document.getElementById('bewaren-form');
  bewaren.addEventListener('submit', e => { e.preventDefault(); bezig(bewaren, voerUit); });
}

async function vraagInzage() {
  const form = document.getElementById('inzage-form');
  const fouten = document.getElementById('inzage-fouten');
  const resultaat = document.getElementById('inzage-resultaat');
  leeg(resultaat);
  const klantnummer = waarde(form, 'klantnummer');
  if (!klantnummer) {
    toonProbleem(fouten, new ApiFout(400, { title: 'Geen klantnummer', errors: { klantnummer: ['Vul het klantnummer in van wie om inzage vraagt.'] } }), form);
    return;
  }
  // The PDF comes through fetch (the session cookie and an Accept header), then is offered as a download.
  const antwoord = await fetch(`/api/v1/klanten/${encodeURIComponent(klantnummer)}/inzage`,
    { headers: { Accept: 'application/pdf, application/problem+json' }, credentials: 'same-origin' });
  if (!antwoord.ok) {
    const probleem = (antwoord.headers.get('Content-Type') || '').includes('json') ? await antwoord.json() : { title: 'Fout ' + antwoord.status };
    toonProbleem(fouten, new ApiFout(antwoord.status, probleem), form);
    return;
  }
  wisProbleem(fouten, form);
  const url = URL.createObjectURL(await antwoord.blob());
  const naam = `inzage-${klantnummer}.pdf`;
  const link = el('a', { href: url, download: naam }, `Download ${naam}`);
  vervang(resultaat, el('div', { class: 'gelukt' }, el('p', {}, `De inzage voor klant ${klantnummer} is klaar. `, link)));
  link.click();
}

async function toonVoorstel() {
  const fouten = document.getElementById('bewaren-fouten');
  const form = document.getElementById('bewaren-form');
  try {
    const voorstel = await api('/api/v1/bewaartermijnen/voorstel');
    wisProbleem(fouten);
    leeg(document.getElementById('bewaren-resultaat'));
    const termijnen = Object.entries(voorstel.termijnen).map(([soort, jaren]) => `${soort} ${jaren} jaar`).join(', ');
    const rijen = voorstel.klanten.map(k => [
      k.klantnummer,
      datum(k.uitstroomdatum),
      k.soorten.join(', '),
      k.geblokkeerd
        ? k.redenen.join(' ')
        : el('label', {}, el('input', { type: 'checkbox', name: 'klantnummer', value: k.klantnummer }), ` Anonimiseer ${k.klantnummer}`),
    ]);
    vervang(document.getElementById('bewaren-klanten'),
      el('p', {}, `Peildatum ${datum(voorstel.peildatum)}; termijnen na uitstroom: ${termijnen}.`),
      tabel(`Voorbij de bewaartermijn (${voorstel.klanten.length})`,
        [{ kop: 'Klant', rijkop: true }, { kop: 'Uit het bestand sinds' }, { kop: 'Gegevens' }, { kop: 'Keuze' }], rijen,
        { leegTekst: 'Geen klanten voorbij hun bewaartermijn.' }));
    form.hidden = false;
  } catch (fout) {
    toonProbleem(fouten, fout);
  }
}

async function voerUit() {
  const form = document.getElementById('bewaren-form');
  const fouten = document.getElementById('bewaren-fouten');
  const klantnummers = [...form.querySelectorAll('input[name="klantnummer"]:checked')].map(i => i.value);
  if (klantnummers.length > 0
    && !confirm(`${klantnummers.length} klant(en) anonimiseren: ${klantnummers.join(', ')}. Dit is niet terug te draaien. Doorgaan?`)) return;
  try {
    const uitvoering = await api('/api/v1/bewaartermijnen/uitvoering', { methode: 'POST', body: { klantnummers } });
    await toonVoorstel();
    toonGelukt(document.getElementById('bewaren-resultaat'),
      `Geanonimiseerd op ${datum(uitvoering.uitgevoerd)}: ${uitvoering.klanten.map(k => k.klantnummer).join(', ')}.`);
  } catch (fout) {
    toonProbleem(fouten, fout);
  }
}
