using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Gesprekken;
using KenJeKlant.Host.PlanVanAanpak;

namespace KenJeKlant.Host.Gesprekken;

// The bodies of /api/v1/klanten/{klantnummer}/gesprekken, their shape checked before the endpoint runs (400, errors
// keyed by JSON path). Whether the moment fits the agenda, the client and the lead time is the agenda grain's
// (AgendaRegels: 400 or 409 naming moment / nieuwMoment). Who plans comes from the request's user.

/// <summary>Plan one gesprek with the client.</summary>
public sealed record GesprekPlanVerzoek(
    [property: Required(ErrorMessage = "Kies het moment van het gesprek.")] DateTimeOffset? Moment,
    [property: Required(ErrorMessage = "Vul in hoe lang het gesprek duurt (minuten)."), Range(10, 240, ErrorMessage = "Een gesprek duurt 10 tot 240 minuten.")] int? DuurMinuten,
    [property: Required(ErrorMessage = "Kies de vorm: kantoor, huisbezoek, telefonisch of video.")] GesprekVorm? Vorm,
    [property: Required(ErrorMessage = "Kies de soort: herbeoordeling, participatiegesprek of voortgang.")] GesprekSoort? Soort,
    [property: StringLength(200, ErrorMessage = "De locatie is langer dan 200 tekens.")] string? Locatie,
    [property: StringLength(2000, ErrorMessage = "De toelichting is langer dan 2000 tekens.")] string? Toelichting) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Vorm == GesprekVorm.Kantoor && string.IsNullOrWhiteSpace(Locatie))
            yield return new ValidationResult("Vermeld op welk kantoor het gesprek is: het staat in de uitnodiging.", [nameof(Locatie)]);
    }

    public GesprekAanvraag NaarAanvraag(string klantnummer, string door) =>
        new(klantnummer, Moment!.Value, DuurMinuten!.Value, Vorm!.Value, Soort!.Value, Locatie, Toelichting, door);
}

/// <summary>Move a gesprek to a new moment.</summary>
public sealed record VerzettingVerzoek(
    [property: Required(ErrorMessage = "Kies het nieuwe moment.")] DateTimeOffset? NieuwMoment,
    [property: Required(ErrorMessage = "Vermeld op wiens verzoek: klant of gemeente.")] VerzetVerzoek? OpVerzoekVan,
    [property: Required(ErrorMessage = "Vermeld waarom het gesprek wordt verzet."), StringLength(500, ErrorMessage = "De reden is langer dan 500 tekens.")] string? Reden)
{
    public GesprekVerzetting NaarVerzetting(string klantnummer, Guid gesprekId, string door) =>
        new(klantnummer, gesprekId, NieuwMoment!.Value, OpVerzoekVan!.Value, Reden!.Trim(), door);
}
