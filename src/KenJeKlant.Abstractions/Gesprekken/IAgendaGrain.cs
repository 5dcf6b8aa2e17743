using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Abstractions.Gesprekken;

/// <summary>
/// A klantmanager's agenda (key: klantmanager id): the one place that books a gesprek for them, so two bookings
/// can never take the same time. It owns the gesprekken the klantmanager planned (invitation, herinnering, outcome,
/// no-show policy) and checks every move, a campaign gesprek's too, against all that is booked. Refusals throw
/// <see cref="Klanten.OngeldigeInvoerException"/> (400) or <see cref="Klanten.OvergangGeweigerdException"/> (409), naming the field.
/// </summary>
[Alias("kjk.IAgendaGrain")]
public interface IAgendaGrain : IGrainWithStringKey
{
    [Alias("Plan")]
    Task<GesprekStand> PlanAsync(GesprekAanvraag aanvraag);

    [Alias("Verzet")]
    Task<GesprekStand> VerzetAsync(GesprekVerzetting verzetting);

    [Alias("RegistreerUitkomst")]
    Task<UitkomstVerwerking> RegistreerUitkomstAsync(string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst);

    /// <summary>Does what is due now (herinneringen, slots that passed without an outcome). A timer does the same on its own.</summary>
    [Alias("VerwerkTijd")]
    Task VerwerkTijdAsync();
}

/// <summary>A gesprek to plan with a client, at a moment in this agenda.</summary>
[GenerateSerializer, Alias("kjk.GesprekAanvraag")]
public sealed record GesprekAanvraag(
    [property: Id(0)] string Klantnummer,
    [property: Id(1)] DateTimeOffset Moment,
    [property: Id(2)] int DuurMinuten,
    [property: Id(3)] GesprekVorm Vorm,
    [property: Id(4)] GesprekSoort Soort,
    [property: Id(5)] string? Locatie,
    [property: Id(6)] string? Toelichting,
    [property: Id(7)] string Door);

/// <summary>A gesprek to move to a new moment; it keeps its length.</summary>
[GenerateSerializer, Alias("kjk.GesprekVerzetting")]
public sealed record GesprekVerzetting(
    [property: Id(0)] string Klantnummer,
    [property: Id(1)] Guid GesprekId,
    [property: Id(2)] DateTimeOffset NieuwMoment,
    [property: Id(3)] VerzetVerzoek OpVerzoekVan,
    [property: Id(4)] string Reden,
    [property: Id(5)] string Door);
