using KenJeKlant.Abstractions.Gemeenten;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>The gemeenten the dienst serves, as configured (<see cref="GemeentenInstellingen"/>), in their configured order.</summary>
public sealed class Gemeentelijst
{
    private readonly Dictionary<string, Gemeente> _opCode;

    public Gemeentelijst(IOptions<GemeentenInstellingen> instellingen)
    {
        ArgumentNullException.ThrowIfNull(instellingen);
        Alle = [.. instellingen.Value.Gemeenten.Select(g => new Gemeente(g.Code, g.Naam.Trim()) { Retouradres = string.IsNullOrWhiteSpace(g.Retouradres) ? null : g.Retouradres.Trim() })];
        _opCode = Alle.ToDictionary(g => g.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Gemeente> Alle { get; }

    /// <summary>More than one gemeente: the bestand must say each client's gemeente, and lists and reports can split by it.</summary>
    public bool MeerDanEen => Alle.Count > 1;

    /// <summary>The one gemeente when only one is configured (what every client then belongs to), otherwise null.</summary>
    public Gemeente? Enige => Alle.Count == 1 ? Alle[0] : null;

    public Gemeente? Zoek(string code) => code is not null && _opCode.TryGetValue(code.Trim(), out var g) ? g : null;
}
