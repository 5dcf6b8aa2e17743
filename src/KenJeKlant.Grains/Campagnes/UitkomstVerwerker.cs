using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// An outcome: the klant grain validates and records it in the trajectory first (a refusal changes
/// nothing here); then the gesprek is closed and the no-show policy decides what follows — another
/// invitation, or a handhavingssignaal for a human. Never a sanction.
/// </summary>
/// <remarks>
/// Calls only go campaign → klant grain, never back, so no cycle can deadlock the two non-reentrant
/// grains. The klant grain answers with the outcome in force for the gesprek: when the campaign failed
/// after the klant grain took an outcome in but before its own write, the next attempt learns that
/// outcome and stores it here (the gesprek stays on the werklijst as "zonder uitkomst" until then).
/// </remarks>
/// <param name="registreerBijKlant">Records the outcome in the klant grain's trajectory and returns the one in force; throws when that refuses it.</param>
/// <param name="signalenGewijzigd">Tells the handhaving queue of new signals (one-way: the outcome never waits for the screens).</param>
public sealed class UitkomstVerwerker(
    string campagneId,
    ICampagneOpslag opslag,
    CampagneGesprekken gesprekken,
    WerklijstBerichtgeving werklijsten,
    IOptionsMonitor<TrajectBeleid> traject,
    TimeProvider klok,
    Func<string, GesprekStand, GesprekUitkomst, Task<GesprekUitkomst>> registreerBijKlant,
    Func<IReadOnlyList<Guid>, Task> signalenGewijzigd)
{
    /// <summary>
    /// A klantmanager's outcome of one gesprek. <c>Gewijzigd</c> is false when this very outcome had
    /// been recorded before: a retried request gets the same answer and changes nothing. <c>Geweigerd</c>
    /// says why this outcome was not taken: the client's trajectory already held another one for this
    /// gesprek, which is now stored here (so the caller still publishes the change, then refuses).
    /// </summary>
    public async Task<(UitkomstVerwerking Verwerking, bool Gewijzigd, string? Geweigerd)> RegistreerAsync(
        string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst, CampagneDefinitie definitie, CampagneStatus status)
    {
        ArgumentNullException.ThrowIfNull(definitie);
        uitkomst = InGemeentelijkeSpelling(uitkomst);
        // What the form says is checked before what the gesprek allows: 400 naming the field, then 409.
        CampagneRegels.Controleer(uitkomst).Weiger("De uitkomst is niet volledig of niet juist");
        var rij = gesprekken.Zoek(gesprekId);
        if (rij is null || rij.Klantnummer != klantnummer)
            throw new OvergangGeweigerdException($"Gesprek {gesprekId} hoort niet bij klant {klantnummer} in campagne {definitie.Naam}.");
        if (rij.Uitkomst is { } eerder)
        {
            if (eerder == uitkomst) return (Verwerking(rij, gesprekken.VanKlant(klantnummer).FirstOrDefault(r => r.Poging == rij.Poging + 1), definitie), false, null);
            throw new OvergangGeweigerdException(AlVastgelegd(eerder.Door, rij.UitkomstOp));
        }
        if (rij.Status == GesprekStatus.Geannuleerd)
            throw new OvergangGeweigerdException("Dit gesprek is geannuleerd; er is geen uitkomst vast te leggen.");
        if (rij.Start > klok.GetUtcNow())
            throw new OvergangGeweigerdException(
                $"Het gesprek begint pas op {TimeZoneInfo.ConvertTime(rij.Start, klok.LocalTimeZone):dd-MM-yyyy HH:mm}; leg de uitkomst vast als het gesprek is geweest.");

        var geldend = await registreerBijKlant(klantnummer, rij.Stand(definitie.Naam), uitkomst);
        var verwerking = await VerwerkAsync(rij, geldend, definitie, status);
        return (verwerking, true, geldend == uitkomst ? null : AlVastgelegd(geldend.Door, klok.GetUtcNow()));
    }

    // The date as the refusal said it before decision 23; for an outcome only the klant grain held, it is stored now.
    private string AlVastgelegd(string door, DateTimeOffset? op) =>
        $"De uitkomst van dit gesprek is al vastgelegd op {(op is { } t ? TimeZoneInfo.ConvertTime(t, klok.LocalTimeZone) : klok.GetUtcNow()):dd-MM-yyyy} door {door}; een tweede uitkomst kan niet.";

    /// <summary>Route and reason as the gemeente's lists spell them, so counts do not split on capitals; unknown names stay for the klant grain to refuse.</summary>
    private GesprekUitkomst InGemeentelijkeSpelling(GesprekUitkomst uitkomst) => uitkomst with
    {
        Route = uitkomst.Route is { } route ? TrajectBeleid.Zoek(traject.CurrentValue.Routes, route) ?? route : null,
        UitstroomReden = uitkomst.UitstroomReden is { } reden ? TrajectBeleid.Zoek(traject.CurrentValue.UitstroomRedenen, reden) ?? reden : null,
    };

    private async Task<UitkomstVerwerking> VerwerkAsync(GesprekRij rij, GesprekUitkomst uitkomst, CampagneDefinitie definitie, CampagneStatus status)
    {
        var nu = klok.GetUtcNow();
        var na = rij.Volgende() with
        {
            Status = uitkomst.Verschenen ? GesprekStatus.Gehouden : GesprekStatus.NietVerschenen,
            Uitkomst = uitkomst,
            UitkomstOp = nu,
            ZonderUitkomstGemeld = false,
        };
        var signalen = new List<SignaalRij>();
        GesprekRij? nieuw = null;
        var loopt = status is CampagneStatus.Actief or CampagneStatus.Gepauzeerd;
        if (!uitkomst.Verschenen)
        {
            var alle = gesprekken.VanKlant(rij.Klantnummer).Select(r => r.Id == na.Id ? na : r).ToList();
            var geteld = alle.Count(r => r.TeltAlsNietVerschenen);
            var regels = definitie.NietVerschenen;
            if (na.TeltAlsNietVerschenen && geteld >= regels.SignaalNaAantal)
            {
                na = na with { Gevolg = GesprekGevolg.Handhavingssignaal };
                signalen.Add(new SignaalRij(GesprekIds.Signaal(na.Id), na.Id, campagneId, na.Klantnummer,
                    GesprekIds.IsAgenda(campagneId)
                        ? $"{geteld} keer niet verschenen zonder reden op een uitnodiging voor een {definitie.Naam} met de klantmanager (art. 9 Participatiewet)."
                        : $"{geteld} keer niet verschenen zonder reden op een uitnodiging voor een participatiegesprek (re-integratie, art. 9 Participatiewet) in campagne {definitie.Naam}.",
                    nu));
            }
            else if (loopt && alle.Count < regels.MaximaalUitnodigingen)
            {
                nieuw = await PlanNieuweUitnodigingAsync(na, alle.Max(r => r.Poging) + 1, definitie);
                na = na with { Gevolg = nieuw is null ? GesprekGevolg.GeenNieuweUitnodigingMogelijk : GesprekGevolg.NieuweUitnodiging };
            }
            else
            {
                na = na with { Gevolg = loopt ? GesprekGevolg.GeenNieuweUitnodigingMogelijk : GesprekGevolg.Geen };
            }
        }
        List<GesprekRij> rijen = nieuw is null ? [na] : [na, nieuw];
        var berichten = nieuw is null ? [] : new List<BerichtRij> { Tijdstappen.Bericht(nieuw, BerichtSoort.Uitnodiging, nieuw.UitnodigingOp, BerichtStatus.Gepland) };
        await opslag.SchrijfAsync(new Wijzigingen(rijen, berichten, signalen));
        // After the commit, so a host that reads the row finds it.
        if (signalen.Count > 0) await signalenGewijzigd([.. signalen.Select(s => s.Id)]);
        gesprekken.Zet(rijen);
        await werklijsten.MeldAsync(rijen, definitie.Naam);
        return Verwerking(na, nieuw, definitie);
    }

    private async Task<GesprekRij?> PlanNieuweUitnodigingAsync(GesprekRij vorige, int poging, CampagneDefinitie definitie)
    {
        var klant = new Kandidaat(vorige.Klantnummer, vorige.Naam, vorige.Klantmanager, null, DateOnly.MinValue, vorige.Wijk);
        var geboekt = (await opslag.GeboektEldersAsync(campagneId, [vorige.Klantmanager])).Concat(gesprekken.Geboekt());
        var zone = klok.LocalTimeZone;
        var plan = CampagnePlanning.Plan(definitie, [klant], geboekt, CampagnePlanning.Vandaag(klok), zone);
        return plan.Ingepland.Count == 0 ? null : CampagnePlanning.NieuwGesprek(campagneId, klant, poging, plan.Ingepland[0], definitie, zone);
    }

    private UitkomstVerwerking Verwerking(GesprekRij rij, GesprekRij? nieuw, CampagneDefinitie definitie)
    {
        var toelichting = rij.Gevolg switch
        {
            GesprekGevolg.Handhavingssignaal =>
                "Er is een handhavingssignaal aangemaakt. Een medewerker handhaving beoordeelt het en hoort de klant eerst; het systeem legt geen maatregel op.",
            GesprekGevolg.NieuweUitnodiging when nieuw is not null =>
                $"De klant krijgt een nieuwe uitnodiging voor {TimeZoneInfo.ConvertTime(nieuw.Start, klok.LocalTimeZone):dd-MM-yyyy HH:mm}.",
            GesprekGevolg.GeenNieuweUitnodigingMogelijk =>
                "Er kan in deze campagne geen nieuwe uitnodiging meer volgen (geen ruimte in de periode of het maximum is bereikt); de klantmanager beslist over het vervolg.",
            _ when rij.Status == GesprekStatus.Gehouden => "Het gesprek en de afspraken zijn vastgelegd.",
            _ => "De afwezigheid is vastgelegd.",
        };
        return new UitkomstVerwerking(rij.Stand(definitie.Naam), rij.Gevolg, toelichting, nieuw?.Stand(definitie.Naam));
    }
}
