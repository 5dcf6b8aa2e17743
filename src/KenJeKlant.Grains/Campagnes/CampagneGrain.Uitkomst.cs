using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Grains.Campagnes;

// An outcome: the klant grain validates and records it in the trajectory first (a refusal changes
// nothing here); then the gesprek is closed and the no-show policy decides what follows — another
// invitation, or a handhavingssignaal for a human. Never a sanction.
public sealed partial class CampagneGrain
{
    public async Task<UitkomstVerwerking> RegistreerUitkomstAsync(string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst)
    {
        uitkomst = InGemeentelijkeSpelling(uitkomst);
        var rij = _gesprekken.Zoek(gesprekId);
        if (rij is null || rij.Klantnummer != klantnummer)
            throw new OvergangGeweigerdException($"Gesprek {gesprekId} hoort niet bij klant {klantnummer} in campagne {Definitie.Naam}.");
        if (rij.Uitkomst is { } eerder)
        {
            if (eerder == uitkomst) return Verwerking(rij, _gesprekken.VanKlant(klantnummer).FirstOrDefault(r => r.Poging == rij.Poging + 1));
            throw new OvergangGeweigerdException(
                $"De uitkomst van dit gesprek is al vastgelegd op {rij.UitkomstOp:dd-MM-yyyy} door {eerder.Door}; een tweede uitkomst kan niet.");
        }
        if (rij.Status == GesprekStatus.Geannuleerd)
            throw new OvergangGeweigerdException("Dit gesprek is geannuleerd; er is geen uitkomst vast te leggen.");
        if (rij.Start > Nu)
            throw new OvergangGeweigerdException(
                $"Het gesprek begint pas op {TimeZoneInfo.ConvertTime(rij.Start, klok.LocalTimeZone):dd-MM-yyyy HH:mm}; leg de uitkomst vast als het gesprek is geweest.");
        var fouten = CampagneRegels.Controleer(uitkomst);
        if (fouten.Count > 0) throw new OvergangGeweigerdException(string.Join(" ", fouten.Select(f => f.Melding)));

        await GrainFactory.GetGrain<IKlantGrain>(klantnummer).RegistreerGesprekUitkomstAsync(rij.Stand(Definitie.Naam), uitkomst);
        return await VerwerkUitkomstAsync(rij, uitkomst);
    }

    /// <summary>Route and reason as the gemeente's lists spell them, so counts do not split on capitals; unknown names stay for the klant grain to refuse.</summary>
    private GesprekUitkomst InGemeentelijkeSpelling(GesprekUitkomst uitkomst) => uitkomst with
    {
        Route = uitkomst.Route is { } route ? TrajectBeleid.Zoek(traject.CurrentValue.Routes, route) ?? route : null,
        UitstroomReden = uitkomst.UitstroomReden is { } reden ? TrajectBeleid.Zoek(traject.CurrentValue.UitstroomRedenen, reden) ?? reden : null,
    };

    private async Task<UitkomstVerwerking> VerwerkUitkomstAsync(GesprekRij rij, GesprekUitkomst uitkomst)
    {
        var nu = Nu;
        var na = rij.Volgende() with
        {
            Status = uitkomst.Verschenen ? GesprekStatus.Gehouden : GesprekStatus.NietVerschenen,
            Uitkomst = uitkomst,
            UitkomstOp = nu,
            ZonderUitkomstGemeld = false,
        };
        var signalen = new List<SignaalRij>();
        GesprekRij? nieuw = null;
        if (!uitkomst.Verschenen)
        {
            var alle = _gesprekken.VanKlant(rij.Klantnummer).Select(r => r.Id == na.Id ? na : r).ToList();
            var geteld = alle.Count(r => r.TeltAlsNietVerschenen);
            var regels = Definitie.NietVerschenen;
            if (na.TeltAlsNietVerschenen && geteld >= regels.SignaalNaAantal)
            {
                na = na with { Gevolg = GesprekGevolg.Handhavingssignaal };
                signalen.Add(new SignaalRij(GesprekIds.Signaal(na.Id), na.Id, Id, na.Klantnummer,
                    $"{geteld} keer niet verschenen zonder reden op een uitnodiging voor een participatiegesprek (re-integratie, art. 9 Participatiewet) in campagne {Definitie.Naam}.",
                    nu));
            }
            else if (S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd && alle.Count < regels.MaximaalUitnodigingen)
            {
                nieuw = await PlanNieuweUitnodigingAsync(na, alle.Max(r => r.Poging) + 1);
                na = na with { Gevolg = nieuw is null ? GesprekGevolg.GeenNieuweUitnodigingMogelijk : GesprekGevolg.NieuweUitnodiging };
            }
            else
            {
                na = na with { Gevolg = S.Status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd ? GesprekGevolg.GeenNieuweUitnodigingMogelijk : GesprekGevolg.Geen };
            }
        }
        List<GesprekRij> rijen = nieuw is null ? [na] : [na, nieuw];
        var berichten = nieuw is null ? [] : new List<BerichtRij> { Tijdstappen.Bericht(nieuw, BerichtSoort.Uitnodiging, nieuw.UitnodigingOp, BerichtStatus.Gepland) };
        await opslag.SchrijfAsync(new Wijzigingen(rijen, berichten, signalen));
        // After the commit, so a host that reads the row finds it; one-way, so the outcome never waits for the screens.
        if (signalen.Count > 0)
            await GrainFactory.GetGrain<IHandhavingslijstGrain>(IHandhavingslijstGrain.Sleutel).SignalenGewijzigdAsync([.. signalen.Select(s => s.Id)]);
        _gesprekken.Zet(rijen);
        await MeldAanWerklijstenAsync(rijen);
        if (_werk is null) await StartWerkAsync(); // the klant grain still has to hear of it
        await PushVoortgangAsync();
        return Verwerking(na, nieuw);
    }

    private async Task<GesprekRij?> PlanNieuweUitnodigingAsync(GesprekRij vorige, int poging)
    {
        var klant = new Kandidaat(vorige.Klantnummer, vorige.Naam, vorige.Klantmanager, null, DateOnly.MinValue, vorige.Wijk);
        var geboekt = (await opslag.GeboektEldersAsync(Id, [vorige.Klantmanager])).Concat(EigenGeboekt());
        var zone = klok.LocalTimeZone;
        var plan = CampagnePlanning.Plan(Definitie, [klant], geboekt, Vandaag, zone);
        return plan.Ingepland.Count == 0 ? null : CampagnePlanning.NieuwGesprek(Id, klant, poging, plan.Ingepland[0], Definitie, zone);
    }

    private UitkomstVerwerking Verwerking(GesprekRij rij, GesprekRij? nieuw)
    {
        var zone = klok.LocalTimeZone;
        var toelichting = rij.Gevolg switch
        {
            GesprekGevolg.Handhavingssignaal =>
                "Er is een handhavingssignaal aangemaakt. Een medewerker handhaving beoordeelt het en hoort de klant eerst; het systeem legt geen maatregel op.",
            GesprekGevolg.NieuweUitnodiging when nieuw is not null =>
                $"De klant krijgt een nieuwe uitnodiging voor {TimeZoneInfo.ConvertTime(nieuw.Start, zone):dd-MM-yyyy HH:mm}.",
            GesprekGevolg.GeenNieuweUitnodigingMogelijk =>
                "Er kan in deze campagne geen nieuwe uitnodiging meer volgen (geen ruimte in de periode of het maximum is bereikt); de klantmanager beslist over het vervolg.",
            _ when rij.Status == GesprekStatus.Gehouden => "Het gesprek en de afspraken zijn vastgelegd.",
            _ => "De afwezigheid is vastgelegd.",
        };
        return new UitkomstVerwerking(rij.Stand(Definitie.Naam), rij.Gevolg, toelichting, nieuw?.Stand(Definitie.Naam));
    }
}
