using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Telemetrie;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// One client and its trajectory. State changes are validated by <see cref="Trajectregels"/>,
/// appended to the history, reflected in the reassessment schedule and persisted, in that order; the
/// storage writes the read-model row in the same transaction as the state (decision 29). Its gesprekken are not its state: the dossier reads them from the
/// gesprek table (<see cref="IKlantGesprekken"/>), and only an outcome reaches this grain.
/// </summary>
public sealed partial class KlantGrain(
    [PersistentState("klant", StorageNames.Klanten)] IPersistentState<KlantState> state,
    IKlantGesprekken gesprekken,
    IOptionsMonitor<TrajectBeleid> beleid,
    IOptionsMonitor<HerbeoordelingBeleid> herbeoordelingBeleid,
    Domeinklok klok,
    KenJeKlantMeters meters) : Grain, IKlantGrain
{
    // Bulk work (an import, a re-plan, a reminder tick) touches many clients once each; activations
    // that saw nothing else are released right after, so 400,000 of them do not stay in memory.
    private bool _alleenBulkwerk = true;

    private string Klantnummer => this.GetPrimaryKeyString();
    private KlantState S => state.State;
    private DateOnly Vandaag => klok.Vandaag;
    // The client's gemeente's policy where it overrides the dienst's (named options by CBS code); without one, the dienst's.
    private string Gemeente => S.Profiel?.Gemeente ?? Options.DefaultName;
    private TrajectBeleid Trajectbeleid => beleid.Get(Gemeente);
    private HerbeoordelingBeleid Herbeoordelingsbeleid => herbeoordelingBeleid.Get(Gemeente);

    public async Task<ImportEffect> ImporteerAsync(KlantProfiel profiel, string importId)
    {
        if (profiel.Klantnummer != Klantnummer)
            throw new ArgumentException($"Profiel van {profiel.Klantnummer} aangeboden aan klant {Klantnummer}.", nameof(profiel));

        var effect = BepaalEffect(profiel);
        if (effect != ImportEffect.Ongewijzigd)
        {
            var door = NieuweKlant.Door(importId);
            NoteerImport(effect, profiel, door);
            S.Profiel = profiel;
            S.InBestand = true;
            if (profiel.EinddatumUitkering is { } einddatum) VerlaatMetEinddatum(einddatum, profiel.RedenBeeindiging, door);
            await VerwerkAsync();
        }
        LaatLosNaBulkwerk();
        return effect;
    }

    public async Task<bool> VerlaatBestandAsync(string importId)
    {
        if (S.Profiel is null || !S.InBestand)
        {
            LaatLosNaBulkwerk();
            return false;
        }
        S.InBestand = false;
        // Left the export without a reason: counted as "reden onbekend" on the import's day, unless the
        // klantmanager already recorded why the benefit ended.
        S.Uitstroom ??= new Uitstroom(Vandaag, Uitstroom.RedenOnbekend, NieuweKlant.Door(importId));
        Noteer("uit bestand", "Niet meer in de export van het uitkeringssysteem; dossier en historie blijven bewaard.", NieuweKlant.Door(importId));
        await VerwerkAsync();
        LaatLosNaBulkwerk();
        return true;
    }

    public Task LaatLosAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<KlantProfiel?> GetProfielAsync()
    {
        _alleenBulkwerk = false;
        LaatLosAlsOnbekend();
        return Task.FromResult(S.Profiel);
    }

    public async Task<KlantDossier?> GetDossierAsync()
    {
        _alleenBulkwerk = false;
        if (S.Profiel is null)
        {
            LaatLosAlsOnbekend();
            return null;
        }
        // Gesprekken come from their one truth, the gesprek table; their steps join the timeline.
        var vanKlant = await gesprekken.VanKlantAsync(Klantnummer);
        return new KlantDossier
        {
            Profiel = S.Profiel,
            InBestand = S.InBestand,
            Indeling = S.Indeling,
            Tredes = [.. S.Tredes],
            Route = S.Route,
            Ontheffing = S.Ontheffing,
            Uitstroom = S.Uitstroom,
            Historie = [.. S.Historie.Concat(GesprekTijdlijn.Van(vanKlant, klok.LocalTimeZone)).OrderBy(h => h.Tijdstip)],
            Herbeoordeling = HerbeoordelingStand(),
            Gesprekken = [.. vanKlant.Select(g => g.Stand)],
        };
    }

    public async Task RegistreerIndelingAsync(IndelingRegistratie registratie)
    {
        ControleerBasis(registratie.Door, registratie.Datum);
        S.Indeling = registratie;
        S.HerbeoordelingAfspraak = null; // a new assessment replaces a hand-set date
        Noteer("indeling", $"Ingedeeld: {IndelingTekst.Van(registratie.Indeling)}." + Toelichting(registratie.Toelichting), registratie.Door);
        await VerwerkAsync();
    }

    public async Task RegistreerTredeAsync(TredeMeting meting)
    {
        ControleerBasis(meting.Door, meting.Datum);
        Trajectregels.ControleerTrede(S, meting);
        S.Tredes.Add(meting);
        S.Tredes.Sort((a, b) => a.Datum.CompareTo(b.Datum));
        Noteer("trede", $"Participatieladder trede {meting.Trede} gemeten op {meting.Datum:dd-MM-yyyy}.", meting.Door);
        await VerwerkAsync();
    }

    public async Task WijsRouteToeAsync(RouteToewijzing route)
    {
        ControleerBasis(route.Door, route.Startdatum);
        var naam = Trajectregels.ControleerRoute(S, route, Trajectbeleid);
        S.Route = route with { Route = naam };
        Noteer("route", $"Route: {naam}, vanaf {route.Startdatum:dd-MM-yyyy}.", route.Door);
        await VerwerkAsync();
    }

    public async Task VerleenOntheffingAsync(Ontheffing ontheffing)
    {
        ControleerBasis(ontheffing.Door, ontheffing.Van);
        Trajectregels.ControleerOntheffing(ontheffing, Trajectbeleid);
        S.Ontheffing = ontheffing;
        S.HerbeoordelingAfspraak = null;
        Noteer("ontheffing", $"Ontheffing arbeidsplicht ({ontheffing.Grond}) van {ontheffing.Van:dd-MM-yyyy} tot {ontheffing.Tot:dd-MM-yyyy}.", ontheffing.Door);
        await VerwerkAsync();
    }

    public async Task RegistreerUitstroomAsync(Uitstroom uitstroom)
    {
        ControleerBasis(uitstroom.Door, uitstroom.Datum);
        var reden = Trajectregels.ControleerUitstroom(S, uitstroom, Trajectbeleid);
        S.Uitstroom = uitstroom with { Reden = reden };
        Noteer("uitstroom", $"Uitkering beëindigd op {uitstroom.Datum:dd-MM-yyyy}: {reden}.", uitstroom.Door);
        await VerwerkAsync();
    }

    private ImportEffect BepaalEffect(KlantProfiel profiel) => S.Profiel switch
    {
        null => ImportEffect.Nieuw,
        // Still in the export with the same ended benefit: it left the bestand before, nothing new.
        var bekend when !S.InBestand && profiel.EinddatumUitkering is not null && bekend == profiel => ImportEffect.Ongewijzigd,
        _ when !S.InBestand => ImportEffect.TerugInBestand,
        var bekend when bekend != profiel => ImportEffect.Gewijzigd,
        _ => ImportEffect.Ongewijzigd,
    };

    private void NoteerImport(ImportEffect effect, KlantProfiel profiel, string door)
    {
        switch (effect)
        {
            case ImportEffect.Nieuw:
                S.Historie.Add(NieuweKlant.Opgenomen(klok.GetUtcNow(), door));
                break;
            case ImportEffect.TerugInBestand:
                Noteer("terug in bestand", "Weer in de export van het uitkeringssysteem.", door);
                BeeindigVorigeUitstroom(profiel, door);
                break;
            case ImportEffect.Gewijzigd:
                Noteer("profiel gewijzigd", "Gewijzigd in de export: " + string.Join(", ", ProfielVerschil.Velden(S.Profiel!, profiel)) + ".", door);
                break;
        }
        if (S.Profiel is { } oud && oud.Klantmanager != profiel.Klantmanager)
            Noteer("klantmanager", $"Overgedragen van {oud.Klantmanager} aan {profiel.Klantmanager}.", door);
    }

    // The export says the benefit ended: the client leaves the bestand with that date and the export's reason.
    private void VerlaatMetEinddatum(DateOnly einddatum, string? reden, string door)
    {
        S.InBestand = false;
        S.Uitstroom = new Uitstroom(einddatum, reden ?? Uitstroom.RedenOnbekend, door);
        Noteer("uit bestand", $"Uitkering beëindigd op {einddatum:dd-MM-yyyy} volgens de export: {S.Uitstroom.Reden}.", door);
    }

    // A new benefit that starts after the recorded uitstroom is a new period: the old outcome stays in history only.
    private void BeeindigVorigeUitstroom(KlantProfiel profiel, string door)
    {
        if (S.Uitstroom is { } uitstroom && profiel.StartdatumUitkering > uitstroom.Datum)
        {
            S.Uitstroom = null;
            Noteer("nieuwe uitkering", $"Nieuwe uitkering vanaf {profiel.StartdatumUitkering:dd-MM-yyyy}.", door);
        }
        // Back in the export with a running benefit after an import (not a person) ended it: that ending was the export's
        // absence only, and goes (e.g. one export that missed the client).
        else if (S.Uitstroom is { } doorImport && profiel.EinddatumUitkering is null
            && doorImport.Door.StartsWith(NieuweKlant.Door(""), StringComparison.Ordinal))
        {
            S.Uitstroom = null;
            Noteer("uitstroom vervalt", $"Weer in de export met een lopende uitkering; de uitstroom van {doorImport.Datum:dd-MM-yyyy} ({doorImport.Reden}) vervalt.", door);
        }
    }

    private void ControleerBasis(string door, DateOnly datum)
    {
        _alleenBulkwerk = false;
        Trajectregels.VereistActieveKlant(S, Klantnummer);
        Trajectregels.VereistDoorEnDatum(door, datum, Vandaag);
    }

    private void Noteer(string gebeurtenis, string omschrijving, string door) =>
        S.Historie.Add(new HistorieRegel(klok.GetUtcNow(), gebeurtenis, omschrijving, door));

    private static string Toelichting(string? toelichting) =>
        string.IsNullOrWhiteSpace(toelichting) ? "" : $" {toelichting.Trim()}";

    // An import may write a client it has never seen straight into its table (NieuweKlant): an activation that
    // found nothing must not stay around to answer "unknown" from memory afterwards.
    private void LaatLosAlsOnbekend()
    {
        if (S.Profiel is null) DeactivateOnIdle();
    }

    private void LaatLosNaBulkwerk()
    {
        if (_alleenBulkwerk) DeactivateOnIdle();
    }
}
