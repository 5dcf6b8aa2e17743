using KenJeKlant.Abstractions.Herbeoordelingen;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Klanten;

/// <summary>Queries over the klant read model (never over grain state).</summary>
public interface IKlantOverzichten
{
    Task<Pagina<KlantOverzicht>> ZoekAsync(KlantFilter filter, int pagina, int paginagrootte, CancellationToken ct);
    /// <summary>Streams the klantnummers currently in the bestand (to find who left it in a new export).</summary>
    IAsyncEnumerable<string> KlantnummersInBestandAsync(CancellationToken ct);
    Task<long> AantalAsync(CancellationToken ct);
    /// <summary>Whose caseload the client is in (null: not in the read model), for access checks.</summary>
    Task<string?> KlantmanagerVanAsync(string klantnummer, CancellationToken ct);
    /// <summary>Per klantmanager: reassessments planned, due and overdue on <paramref name="vandaag"/>. Counts only, no personal data.</summary>
    Task<IReadOnlyList<HerbeoordelingTelling>> TelHerbeoordelingenAsync(DateOnly vandaag, int teLaatNaDagen, CancellationToken ct);
}

public sealed record KlantFilter(
    string? Klantmanager = null,
    string? Wijk = null,
    Indeling? Indeling = null,
    bool? InBestand = null,
    string? Zoek = null,
    IReadOnlyCollection<string>? Caseload = null,
    string? Route = null,
    HerbeoordelingStatus? Herbeoordeling = null,
    bool? OpenAfspraken = null,
    string? Gemeente = null);

public sealed record HerbeoordelingTelling(string Klantmanager, int Gepland, int AanDeBeurt, int TeLaat);

public sealed record Pagina<T>(IReadOnlyList<T> Items, long Totaal);
