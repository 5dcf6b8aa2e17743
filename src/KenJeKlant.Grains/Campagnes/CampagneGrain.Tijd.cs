using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Grains.Campagnes;

// Time-driven steps and the changes a programmaleider makes to gesprekken that have not happened.
public sealed partial class CampagneGrain
{
    private async Task VoerTijdstappenUitAsync()
    {
        var nu = Nu;
        var stappen = Tijdstappen.Bepaal(_gesprekken.Alle, nu, Definitie, S.Status, beleid.CurrentValue.UitnodigingMinimaalDagenVooraf);
        if (stappen.Gewijzigd.Count > 0 || stappen.Berichten.Count > 0)
        {
            await opslag.SchrijfAsync(new Wijzigingen(stappen.Gewijzigd, stappen.Berichten, []));
            // Counted once committed: a letter is "sent" when the outbox says so.
            foreach (var bericht in stappen.Berichten.Where(b => b.Status == BerichtStatus.Verzonden))
                meters.UitnodigingVerzonden(bericht.Soort == BerichtSoort.Herinnering ? "herinnering" : "uitnodiging");
            _gesprekken.Zet(stappen.Gewijzigd);
            await MeldAanWerklijstenAsync(stappen.Gewijzigd);
        }
        if (stappen.TeHerplannen.Count > 0) await PlanOpnieuwAsync(stappen.TeHerplannen);
    }

    /// <summary>
    /// Gesprekken whose invitation never went out (the campaign was paused) and can no longer go out
    /// in time get a new slot; the client never knew the old one. Who fits nowhere in the period is
    /// withdrawn.
    /// </summary>
    private async Task PlanOpnieuwAsync(IReadOnlyList<GesprekRij> rijen)
    {
        var ids = rijen.Select(r => r.Id).ToHashSet();
        var klantmanagers = rijen.Select(r => r.Klantmanager).Distinct(StringComparer.Ordinal).ToList();
        var geboekt = (await opslag.GeboektEldersAsync(Id, klantmanagers))
            .Concat(_gesprekken.Alle.Where(r => r.IsOpen && !ids.Contains(r.Id)).Select(r => new GeboektSlot(r.Klantmanager, r.Start)));
        var kandidaten = rijen.ToDictionary(r => r.Klantnummer, r => new Kandidaat(r.Klantnummer, r.Naam, r.Klantmanager, null, DateOnly.MinValue, r.Wijk), StringComparer.Ordinal);
        var zone = klok.LocalTimeZone;
        var plan = CampagnePlanning.Plan(Definitie, [.. kandidaten.Values], geboekt, Vandaag, zone);
        var slots = plan.Ingepland.ToDictionary(s => s.Klantnummer, StringComparer.Ordinal);

        var gewijzigd = new List<GesprekRij>();
        var berichten = new List<BerichtRij>();
        foreach (var rij in rijen)
        {
            GesprekRij na;
            if (slots.TryGetValue(rij.Klantnummer, out var slot))
            {
                var nieuw = CampagnePlanning.NieuwGesprek(Id, kandidaten[rij.Klantnummer], rij.Poging, slot, Definitie, zone);
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
        await opslag.SchrijfAsync(new Wijzigingen(gewijzigd, berichten, []));
        _gesprekken.Zet(gewijzigd);
        await MeldAanWerklijstenAsync(gewijzigd);
    }

    /// <summary>Cancelling: every gesprek still to come is withdrawn; who already had an invitation gets a cancellation letter.</summary>
    private Task TrekOpenGesprekkenInAsync()
    {
        var nu = Nu;
        return TrekInAsync([.. _gesprekken.Alle.Where(r => r.IsOpen && r.Start > nu)]);
    }

    /// <summary>
    /// A client who left the bestand or whose benefit ended (checked at every reminder tick) is not
    /// expected any more: their open gesprekken are withdrawn, with a cancellation if invited.
    /// </summary>
    private async Task TrekInVoorVertrokkenKlantenAsync()
    {
        var ids = await opslag.OpenVanVertrokkenKlantenAsync(Id);
        await TrekInAsync([.. ids.Select(_gesprekken.Zoek).OfType<GesprekRij>().Where(r => r.IsOpen)]);
    }

    private async Task TrekInAsync(IReadOnlyList<GesprekRij> rijen)
    {
        var nu = Nu;
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
        await opslag.SchrijfAsync(new Wijzigingen(gewijzigd, berichten, []));
        _gesprekken.Zet(gewijzigd);
        await MeldAanWerklijstenAsync(gewijzigd);
    }
}
