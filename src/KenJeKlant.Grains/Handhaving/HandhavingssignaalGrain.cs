using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Campagnes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Grains.Handhaving;

/// <summary>
/// The review of one handhavingssignaal. The campaign's row is where a signal comes from; this grain
/// copies its basics on first use, validates every step with <see cref="Handhavingsregels"/>, persists
/// it and writes where the review stands back to the signal's row — in that order, like the klant grain.
/// Nothing here decides on its own: every change is a person's step.
/// </summary>
public sealed class HandhavingssignaalGrain(
    [PersistentState("handhavingssignaal", StorageNames.KenJeKlant)] IPersistentState<HandhavingssignaalState> state,
    IHandhavingOpslag opslag,
    IOptionsMonitor<HandhavingBeleid> beleid,
    Domeinklok klok) : Grain, IHandhavingssignaalGrain
{
    private Guid Id => this.GetPrimaryKey();
    private HandhavingssignaalState S => state.State;
    // The afstemmingsverordening of the client's gemeente (named options by CBS code), else the dienst's.
    private HandhavingBeleid Beleid => beleid.Get(S.Signaal?.Gemeente ?? Options.DefaultName);

    public async Task<HandhavingsReview?> GetAsync() => await KenSignaalAsync() ? Review() : null;

    public Task<HandhavingsReview> NeemInBehandelingAsync(string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            Handhavingsregels.ControleerInBehandeling(S, stap);
            S.InBehandeling = stap;
            S.Status = SignaalStatus.InBehandeling;
        });

    public Task<HandhavingsReview> GeefTerugAsync(string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            Handhavingsregels.ControleerTeruggave(S, stap);
            S.Teruggaven.Add(stap);
            S.InBehandeling = null;
            S.Status = SignaalStatus.Open;
        });

    public Task<HandhavingsReview> RegistreerBezorgingAsync(bool bezorgd, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            var bezorging = new Bezorgingscontrole(bezorgd, stap);
            Handhavingsregels.ControleerBezorging(S, bezorging);
            S.Bezorging = bezorging;
        });

    public Task<HandhavingsReview> RegistreerContactpogingAsync(Contactkanaal kanaal, bool bereikt, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            var poging = new Contactpoging(kanaal, bereikt, stap);
            Handhavingsregels.ControleerContactpoging(S, poging);
            S.Contactpogingen.Add(poging);
        });

    public Task<HandhavingsReview> RegistreerZienswijzeAsync(ZienswijzeSoort soort, string? samenvatting, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            var zienswijze = new Zienswijze(soort, string.IsNullOrWhiteSpace(samenvatting) ? null : samenvatting.Trim(), stap);
            Handhavingsregels.ControleerZienswijze(S, zienswijze, Beleid);
            S.Zienswijze = zienswijze;
        });

    public Task<HandhavingsReview> RegistreerBeoordelingAsync(Verwijtbaarheid verwijtbaarheid, bool dringendeRedenen, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            var beoordeling = new Beoordeling(verwijtbaarheid, dringendeRedenen, stap);
            Handhavingsregels.ControleerBeoordeling(S, beoordeling);
            S.Beoordeling = beoordeling;
        });

    public Task<HandhavingsReview> NeemBesluitAsync(BesluitSoort soort, int? percentage, int? duurMaanden, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, stap =>
        {
            var besluit = new Besluit(soort, percentage, duurMaanden, stap);
            Handhavingsregels.ControleerBesluit(S, besluit, Beleid);
            S.Besluit = besluit;
            S.Status = SignaalStatus.Besloten;
        });

    public Task<HandhavingsReview> VerstuurVoornemenAsync(BesluitSoort soort, int? percentage, int? duurMaanden, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, async stap =>
        {
            Briefregels.ControleerVoornemen(S, soort, percentage, duurMaanden, stap, Beleid);
            var datum = DateOnly.FromDateTime(stap.Tijdstip.DateTime);
            var tot = Briefregels.ZienswijzeTotEnMet(datum, Beleid);
            var brief = Brief(BerichtSoort.Voornemen, datum, soort, percentage, duurMaanden, stap) with
            {
                ZienswijzeTotEnMet = tot,
                ZienswijzeHoe = Beleid.ZienswijzeHoe,
            };
            // The letter first (idempotent per signal and soort), then the step that refers to it.
            var id = await opslag.SchrijfBriefAsync(brief);
            S.Voornemen = new Voornemen(soort, percentage, duurMaanden, id, datum, tot, stap);
        });

    public Task<HandhavingsReview> VerstuurBesluitbriefAsync(DateOnly? ingangsdatum, string door, string toelichting) =>
        VoerUitAsync(door, toelichting, async stap =>
        {
            var datum = DateOnly.FromDateTime(stap.Tijdstip.DateTime);
            Briefregels.ControleerBesluitbrief(S, datum, ingangsdatum, stap);
            var besluit = S.Besluit!;
            var ingang = ingangsdatum ?? datum;
            var bezwaarTot = Briefregels.BezwaarTotEnMet(datum);
            // The motivation is the besluit's own reason; the toelichting of this step says why the letter goes now.
            var brief = Brief(BerichtSoort.Besluit, datum, besluit.Soort, besluit.Percentage, besluit.DuurMaanden, besluit.Stap) with
            {
                Ingangsdatum = ingang,
                BezwaarTotEnMet = bezwaarTot,
                Bezwaaradres = Beleid.Bezwaaradres,
                ZienswijzeTotEnMet = S.Voornemen?.ZienswijzeTotEnMet,
                Behandelaar = stap.Door,
                VerzondenOp = stap.Tijdstip,
            };
            var id = await opslag.SchrijfBriefAsync(brief);
            S.Besluitbrief = new Besluitbrief(id, datum, ingang, bezwaarTot, stap);
        });

    private Handhavingsbrief Brief(BerichtSoort soort, DateOnly datum, BesluitSoort besluit, int? percentage, int? duurMaanden, Stap stap) => new()
    {
        Id = Guid.NewGuid(),
        SignaalId = Id,
        Soort = soort,
        Klantnummer = S.Signaal!.Klantnummer,
        Briefdatum = datum,
        Besluit = besluit,
        Percentage = percentage,
        DuurMaanden = duurMaanden,
        Aanleiding = S.Signaal.Reden,
        Verwijtbaarheid = S.Beoordeling?.Verwijtbaarheid,
        DringendeRedenen = S.Beoordeling?.DringendeRedenen,
        Beoordeling = S.Beoordeling?.Stap.Toelichting,
        Zienswijze = S.Zienswijze switch
        {
            null => null,
            { Soort: ZienswijzeSoort.GeenReactie } => null,
            { } z => z.Samenvatting,
        },
        Toelichting = stap.Toelichting,
        Behandelaar = stap.Door,
        VerzondenOp = stap.Tijdstip,
    };

    private Task<HandhavingsReview> VoerUitAsync(string door, string toelichting, Action<Stap> stap) =>
        VoerUitAsync(door, toelichting, s =>
        {
            stap(s);
            return Task.CompletedTask;
        });

    /// <summary>Validates and applies one step, persists it, then updates the signal's row.</summary>
    private async Task<HandhavingsReview> VoerUitAsync(string door, string toelichting, Func<Stap, Task> stap)
    {
        if (!await KenSignaalAsync())
            throw new NietGevondenException($"Er is geen handhavingssignaal met id {Id}.");
        // The domain clock's local time: the dates in the review and its refusals read as the gemeente's dates.
        await stap(new Stap(door?.Trim() ?? "", klok.GetLocalNow(), toelichting?.Trim() ?? ""));
        await state.SchrijfOfBeginOpnieuwAsync(GrainContext);
        await opslag.SchrijfStandAsync(Stand());
        // The row is written: the handhaving screens may read it (one-way; the step does not wait for them).
        await GrainFactory.GetGrain<IHandhavingslijstGrain>(IHandhavingslijstGrain.Sleutel).SignalenGewijzigdAsync([Id]);
        return Review();
    }

    /// <summary>Copies the campaign's signal on first use; false when no such signal exists (nothing is stored then).</summary>
    private async Task<bool> KenSignaalAsync()
    {
        S.Signaal ??= await opslag.SignaalAsync(Id);
        return S.Signaal is not null;
    }

    private HandhavingsReview Review() => new()
    {
        Id = Id,
        Signaal = S.Signaal!,
        Status = S.Status,
        InBehandeling = S.InBehandeling,
        Bezorging = S.Bezorging,
        Contactpogingen = [.. S.Contactpogingen],
        Zienswijze = S.Zienswijze,
        Beoordeling = S.Beoordeling,
        Besluit = S.Besluit,
        ZienswijzeTermijnTot = Handhavingsregels.ZienswijzeTermijnTot(S, Beleid),
        NogTeDoen = Handhavingsregels.NogTeDoen(S, Beleid),
        Teruggaven = [.. S.Teruggaven],
        Voornemen = S.Voornemen,
        Besluitbrief = S.Besluitbrief,
    };

    private SignaalStand Stand() => new(
        Id, S.Status, S.InBehandeling?.Door, S.Besluit?.Soort, S.Besluit?.Percentage, S.Besluit?.DuurMaanden,
        S.Besluit?.Stap.Door, S.Besluit?.Stap.Tijdstip, klok.GetUtcNow());
}
