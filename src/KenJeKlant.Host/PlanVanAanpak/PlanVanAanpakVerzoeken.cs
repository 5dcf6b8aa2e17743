using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.PlanVanAanpak;

namespace KenJeKlant.Host.PlanVanAanpak;

// The bodies of the plan van aanpak, their shape checked by Microsoft.Extensions.Validation before the endpoint
// runs (400, errors keyed by JSON path: afspraken[2].omschrijving). Who sets the plan comes from the request's
// user, never from the body. Rules that need the plan, the date or the gemeente's lists (a deadline in the past,
// an unknown partner or leefdomein, a closed afspraak changed) are the grain's (PlanVanAanpakRegels).

/// <summary>The whole plan: its doel and every afspraak (an afspraak of the current plan that is left out leaves the plan).</summary>
public sealed record PlanVerzoek(
    [property: Required(ErrorMessage = "Vul het doel van het plan van aanpak in."), StringLength(2000, ErrorMessage = "Het doel is langer dan 2000 tekens.")] string? Doel,
    [property: Required(ErrorMessage = "Geef de afspraken van het plan (een lege lijst mag)."), MaxLength(50, ErrorMessage = "Een plan heeft ten hoogste 50 afspraken.")] IReadOnlyList<AfspraakVerzoek>? Afspraken)
{
    public PlanInvoer NaarInvoer(string door) => new(Doel!, [.. Afspraken!.Select(a => a.NaarInvoer())], door);
}

/// <summary>One afspraak. With the <c>id</c> of an afspraak in the current plan it is that afspraak; without, a new one.</summary>
public sealed record AfspraakVerzoek(
    Guid? Id,
    [property: Required(ErrorMessage = "Beschrijf wat er is afgesproken."), StringLength(500, ErrorMessage = "De omschrijving is langer dan 500 tekens.")] string? Omschrijving,
    [property: Required(ErrorMessage = "Vermeld wie de afspraak uitvoert: klant, klantmanager of partner.")] AfspraakWie? Wie,
    string? Partner,
    [property: Required(ErrorMessage = "Vul de deadline van de afspraak in.")] DateOnly? Deadline,
    string? Leefdomein) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var heeftPartner = !string.IsNullOrWhiteSpace(Partner);
        if (Wie == AfspraakWie.Partner && !heeftPartner)
            yield return new ValidationResult("Noem de partner die de afspraak uitvoert.", [nameof(Partner)]);
        if (Wie is AfspraakWie.Klant or AfspraakWie.Klantmanager && heeftPartner)
            yield return new ValidationResult("Een partner hoort alleen bij een afspraak die een partner uitvoert (wie: partner).", [nameof(Partner)]);
    }

    public AfspraakInvoer NaarInvoer() => new(Id, Omschrijving!, Wie!.Value, Partner, Deadline!.Value, Leefdomein);
}

/// <summary>Closing an afspraak. A reason is needed for niet-nagekomen and vervallen.</summary>
public sealed record AfrondingVerzoek(
    [property: Required(ErrorMessage = "Vermeld de afronding: nagekomen, niet-nagekomen of vervallen.")] AfspraakStatus? Status,
    [property: StringLength(2000, ErrorMessage = "De toelichting is langer dan 2000 tekens.")] string? Toelichting) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Status is AfspraakStatus.NietNagekomen or AfspraakStatus.Vervallen && string.IsNullOrWhiteSpace(Toelichting))
            yield return new ValidationResult("Licht toe waarom de afspraak niet is nagekomen of is vervallen.", [nameof(Toelichting)]);
    }

    public AfrondingInvoer NaarInvoer(string door) => new(Status!.Value, Toelichting, door);
}
