using System.ComponentModel.DataAnnotations;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Handhaving;

namespace KenJeKlant.Host.Handhaving;

// The bodies of the review steps, validated by Microsoft.Extensions.Validation before the endpoint runs
// (400 with errors keyed by field). Who takes the step comes from the request's user, never from the
// body; the reason (toelichting) is required on every step. Fields are nullable so a missing one is a
// 400 naming it, not a silent false or first enum value. Rules that depend on the case (order of the
// steps) stay in the grain and answer 409.

public sealed record ToelichtingVerzoek(
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting);

public sealed record BezorgingVerzoek(
    [property: Required(ErrorMessage = "Vermeld of de uitnodiging is bezorgd (true of false).")] bool? Bezorgd,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting);

public sealed record ContactpogingVerzoek(
    [property: Required(ErrorMessage = "Vermeld het kanaal: telefoon, brief, email, huisbezoek of balie.")] Contactkanaal? Kanaal,
    [property: Required(ErrorMessage = "Vermeld of de klant is bereikt (true of false).")] bool? Bereikt,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting);

public sealed record ZienswijzeVerzoek(
    [property: Required(ErrorMessage = "Vermeld de soort: mondeling, schriftelijk of geen-reactie.")] ZienswijzeSoort? Soort,
    string? Samenvatting,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Soort is { } soort && Handhavingsregels.ZienswijzeVormfouten(soort, Samenvatting) is { Count: > 0 } fouten
            ? [new ValidationResult(string.Join(" ", fouten), [nameof(Samenvatting)])]
            : [];
}

public sealed record BeoordelingVerzoek(
    [property: Required(ErrorMessage = "Vermeld de verwijtbaarheid: verwijtbaar, verminderd-verwijtbaar of niet-verwijtbaar.")] Verwijtbaarheid? Verwijtbaarheid,
    [property: Required(ErrorMessage = "Vermeld of er dringende redenen zijn (true of false).")] bool? DringendeRedenen,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting);

public sealed record BesluitVerzoek(
    [property: Required(ErrorMessage = "Vermeld het besluit: geen-maatregel, waarschuwing, voorstel-maatregel of rechtmatigheidsonderzoek.")] BesluitSoort? Soort,
    int? Percentage,
    int? DuurMaanden,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Soort is { } soort && Handhavingsregels.BesluitVormfouten(soort, Percentage, DuurMaanden) is { Count: > 0 } fouten
            ? [new ValidationResult(string.Join(" ", fouten), ["besluit"])]
            : [];
}

/// <summary>The voornemen: only for a waarschuwing or voorstel maatregel; a maatregel with percentage and duration.</summary>
public sealed record VoornemenVerzoek(
    [property: Required(ErrorMessage = "Vermeld wat van plan is: waarschuwing of voorstel-maatregel.")] BesluitSoort? Soort,
    int? Percentage,
    int? DuurMaanden,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Soort is not { } soort) yield break;
        if (!Briefregels.VraagtVoornemen(soort))
            yield return new ValidationResult("Een voornemen is alleen nodig bij een waarschuwing of een voorstel-maatregel.", [nameof(Soort)]);
        else if (Handhavingsregels.BesluitVormfouten(soort, Percentage, DuurMaanden) is { Count: > 0 } fouten)
            yield return new ValidationResult(string.Join(" ", fouten), [Percentage is null ? nameof(Percentage) : nameof(DuurMaanden)]);
    }
}

/// <summary>The besluit letter: from when the besluit applies (default: the date of the letter).</summary>
public sealed record BesluitbriefVerzoek(
    DateOnly? Ingangsdatum,
    [property: Required(ErrorMessage = HandhavingVerzoek.ToelichtingVerplicht)] string? Toelichting);

internal static class HandhavingVerzoek
{
    public const string ToelichtingVerplicht = "Licht toe waarom: elke stap in een handhavingszaak heeft een reden.";
}
