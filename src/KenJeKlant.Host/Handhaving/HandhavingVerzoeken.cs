using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Handhaving;

namespace KenJeKlant.Host.Handhaving;

// The bodies of the review steps. Who takes the step comes from the request's user, never from the
// body; the reason (toelichting) is required on every step. Fields are nullable so a missing one is a
// 400 naming it, not a silent false or first enum value.

public sealed record ToelichtingVerzoek(string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting);
}

public sealed record BezorgingVerzoek(bool? Bezorgd, string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting,
        (nameof(Bezorgd), Bezorgd is null ? "Vermeld of de uitnodiging is bezorgd (true of false)." : null));
}

public sealed record ContactpogingVerzoek(Contactkanaal? Kanaal, bool? Bereikt, string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting,
        (nameof(Kanaal), Kanaal is null ? "Vermeld het kanaal: telefoon, brief, email, huisbezoek of balie." : null),
        (nameof(Bereikt), Bereikt is null ? "Vermeld of de klant is bereikt (true of false)." : null));
}

public sealed record ZienswijzeVerzoek(ZienswijzeSoort? Soort, string? Samenvatting, string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting,
        (nameof(Soort), Soort is null ? "Vermeld de soort: mondeling, schriftelijk of geen-reactie." : null),
        (nameof(Samenvatting), Soort is { } soort ? string.Join(" ", Handhavingsregels.ZienswijzeVormfouten(soort, Samenvatting)) : null));
}

public sealed record BeoordelingVerzoek(Verwijtbaarheid? Verwijtbaarheid, bool? DringendeRedenen, string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting,
        (nameof(Verwijtbaarheid), Verwijtbaarheid is null ? "Vermeld de verwijtbaarheid: verwijtbaar, verminderd-verwijtbaar of niet-verwijtbaar." : null),
        (nameof(DringendeRedenen), DringendeRedenen is null ? "Vermeld of er dringende redenen zijn (true of false)." : null));
}

public sealed record BesluitVerzoek(BesluitSoort? Soort, int? Percentage, int? DuurMaanden, string? Toelichting)
{
    public Dictionary<string, string[]> Fouten() => HandhavingVerzoek.Fouten(Toelichting,
        (nameof(Soort), Soort is null ? "Vermeld het besluit: geen-maatregel, waarschuwing, voorstel-maatregel of rechtmatigheidsonderzoek." : null),
        ("besluit", Soort is { } soort ? string.Join(" ", Handhavingsregels.BesluitVormfouten(soort, Percentage, DuurMaanden)) : null));
}

internal static class HandhavingVerzoek
{
    /// <summary>Validation problems keyed by camelCase field name; empty when the body is complete.</summary>
    public static Dictionary<string, string[]> Fouten(string? toelichting, params (string Veld, string? Fout)[] velden)
    {
        var fouten = velden.Where(v => !string.IsNullOrEmpty(v.Fout))
            .ToDictionary(v => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(v.Veld), v => new[] { v.Fout! }, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(toelichting)) fouten["toelichting"] = ["Licht toe waarom: elke stap in een handhavingszaak heeft een reden."];
        return fouten;
    }
}
