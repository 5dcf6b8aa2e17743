using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// What happens to planned gesprekken apart from their outcome: invitations and herinneringen at their
/// moment and slots that pass (decided by the pure <see cref="Tijdstappen"/>), a new slot for an
/// invitation that can no longer go out in time, and withdrawing gesprekken (the campaign is cancelled,
/// a client left). Each step is written in one transaction first, then held in memory and told to the
/// werklijsten.
/// </summary>
public sealed class Gespreksverloop(
    string campagneId,
    ICampagneOpslag opslag,
    CampagneGesprekken gesprekken,
    WerklijstBerichtgeving werklijsten,
    IOptionsMonitor<CampagneBeleid> beleid,
    TimeProvider klok,
    KenJeKlantMeters meters)
{
    public async Task VoerTijdstappenUitAsync(CampagneDefinitie definitie, CampagneStatus status)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var stappen = Tijdstappen.Bepaal(gesprekken.Alle, klok.GetUtcNow(), definitie, status, beleid.CurrentValue.UitnodigingMinimaalDagenVooraf);
        if (stappen.Gewijzigd.Count > 0 || stappen.Berichten.Count > 0)
        {
            await opslag.SchrijfAsync(new Wijzigingen(stappen.Gewijzigd, stappen.Berichten, []));
            // Counted once committed: a letter is "sent" when the outbox says so.
            foreach (var bericht in stappen.Berichten.Where(b => b.Status == BerichtStatus.Verzonden))
                meters.UitnodigingVerzonden(bericht.Soort == BerichtSoort.Herinnering ? "herinnering" : "uitnodiging");
            gesprekken.Zet(stappen.Gewijzigd);
            await werklijsten.MeldAsync(stappen.Gewijzigd, definitie.Naam);
        }
        if (stappen.TeHerplannen.Count > 0) await PlanOpnieuwAsync(stappen.TeHerplannen, definitie);
    }

    /// <summary>Cancelling: every gesprek still to come is withdrawn; who already had an invitation gets a cancellation letter.</summary>
    public Task TrekOpenGesprekkenInAsync(CampagneDefinitie definitie)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var nu = klok.GetUtcNow();
        return TrekInAsync([.. gesprekken.Alle.Where(r => r.IsOpen && r.Start > nu)], definitie.Naam);
    }

    /// <summary>
    /// A client who left the bestand or whose benefit ended (checked at every reminder tick) is not
    /// expected any more: their open gesprekken are withdrawn, with a cancellation if invited.
    /// </summary>
    public async Task TrekInVoorVertrokkenKlantenAsync(CampagneDefinitie definitie)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        var ids = await opslag.OpenVanVertrokkenKlantenAsync(campagneId);
        await TrekInAsync([.. ids.Select(gesprekken.Zoek).OfType<GesprekRij>().Where(r => r.IsOpen)], definitie.Naam);
    }

    /// <summary>
    /// Gesprekken whose invitation never went out (the campaign was paused) and can no longer go out
    /// in time get a new slot; the client never knew the old one. Who fits nowhere in the period is
    /// withdrawn.
    /// </summary>
    private async Task PlanOpnieuwAsync(IReadOnlyList<GesprekRij> rijen, CampagneDefinitie definitie)
    {
        var ids = rijen.Select(r => r.Id).ToHashSet();
        var klantmanagers = rijen.Select(r => r.Klantmanager).Distinct(StringComparer.Ordinal).ToList();
        var geboekt = (await opslag.GeboektEldersAsync(campagneId, klantmanagers)).Concat(gesprekken.Geboekt(behalve: ids));
        var kandidaten = rijen.ToDictionary(r => r.Klantnummer, r => new Kandidaat(r.Klantnummer, r.Naam, r.Klantmanager, null, DateOnly.MinValue, r.Wijk), StringComparer.Ordinal);
        var zone = klok.LocalTimeZone;
        var plan = CampagnePlanning.Plan(definitie, [.. kandidaten.Values], geboekt, CampagnePlanning.Vandaag(klok), zone);
        var slots = plan.Ingepland.ToDictionary(s => s.Klantnummer, StringComparer.Ordinal);

        var gewijzigd = new List<GesprekRij>();
        var berichten = new List<BerichtRij>();
        foreach (var rij in rijen)
        {
            GesprekRij na;
            if (slots.TryGetValue(rij.Klantnummer, out var slot))
            {
                var nieuw = CampagnePlanning.NieuwGesprek(campagneId, kandidaten[rij.Klantnummer], rij.Poging, slot, definitie, zone);
                na = rij.Volgende() with { Start = nieuw.Start, Eind = nieuw.Eind, UitnodigingOp = nieuw.UitnodigingOp };
                berichten.Add(Tijdstappen.Bericht(na, BerichtSoort.Uitnodiging, na.UitnodigingOp, BerichtStatus.Gepland));
            }
            else
            {
                na = rij.Volgende() with { Status = GesprekStatus.Geannuleerd, Gevolg = GesprekGevolg.GeenNieuweUitnodigingMogelijk };
                berichten.Add(Tijdstappen.Bericht(na, BerichtSoort.Uitnodiging, rij.UitnodigingOp, BerichtStatus.Ingetrokken));
            }
            gewijzigd.Add(na);
        }
        await LegVastAsync(gewijzigd, berichten, definitie.Naam);
    }

    private async Task TrekInAsync(IReadOnlyList<GesprekRij> rijen, string campagneNaam)
    {
        var nu = klok.GetUtcNow();
        var gewijzigd = new List<GesprekRij>();
        var berichten = new List<BerichtRij>();
        foreach (var rij in rijen)
        {
            var na = rij.Volgende() with { Status = GesprekStatus.Geannuleerd };
            if (rij.UitnodigingVerzondenOp is null)
                berichten.Add(Tijdstappen.Bericht(na, BerichtSoort.Uitnodiging, rij.UitnodigingOp, BerichtStatus.Ingetrokken));
            else if (rij.Start > nu)
                berichten.Add(Tijdstappen.Bericht(na, BerichtSoort.Annulering, nu, BerichtStatus.Verzonden));
            gewijzigd.Add(na);
        }
        if (gewijzigd.Count == 0) return;
        await LegVastAsync(gewijzigd, berichten, campagneNaam);
    }

    private async Task LegVastAsync(List<GesprekRij> gewijzigd, List<BerichtRij> berichten, string campagneNaam)
    {
        await opslag.SchrijfAsync(new Wijzigingen(gewijzigd, berichten, []));
        gesprekken.Zet(gewijzigd);
        await werklijsten.MeldAsync(gewijzigd, campagneNaam);
    }
}
