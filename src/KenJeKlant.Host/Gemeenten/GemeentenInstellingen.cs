using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>
/// The gemeenten the dienst serves: configuration section <c>Gemeenten</c>, a list of <c>{ "Code": "0453", "Naam": "Velsen" }</c>.
/// appsettings.json configures one (Haarlem, 0392) for the demo; a dienst for several lists them all (the list replaces it
/// index by index, so a deployment lists its own from index 0).
/// </summary>
public sealed class GemeentenInstellingen
{
    public const string Sectie = "Gemeenten";

    public List<GemeenteInstelling> Gemeenten { get; } = [];
}

/// <summary>
/// One configured gemeente. Its policy overrides sit beside these under <c>Beleid</c> (e.g.
/// <c>Gemeenten:0:Beleid:Handhaving:MaatregelPercentages</c>) and are read as named options (<see cref="Gemeentebeleid{T}"/>).
/// </summary>
public sealed class GemeenteInstelling
{
    /// <summary>The CBS gemeentecode: four digits, leading zero included (e.g. 0453).</summary>
    public string Code { get; set; } = "";
    public string Naam { get; set; } = "";
    /// <summary>The return address its letters print under the gemeente's name (e.g. "Postbus 465, 1970 AL IJmuiden").</summary>
    public string? Retouradres { get; set; }
}

/// <summary>Checked when the host starts: at least one gemeente, four-digit codes, each code once, each with a name.</summary>
public sealed partial class GemeentenValidatie(IEnumerable<IGemeentebeleidControle> beleid) : IValidateOptions<GemeentenInstellingen>
{
    public ValidateOptionsResult Validate(string? name, GemeentenInstellingen options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fouten = new List<string>();
        if (options.Gemeenten.Count == 0)
            fouten.Add($"{GemeentenInstellingen.Sectie}: geen gemeente ingesteld; noem er ten minste één ({GemeentenInstellingen.Sectie}:0:Code en …:Naam).");
        var gezien = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Gemeenten.Count; i++)
        {
            var g = options.Gemeenten[i];
            var sleutel = $"{GemeentenInstellingen.Sectie}:{i}";
            if (!Gemeentecode().IsMatch(g.Code ?? ""))
                fouten.Add($"{sleutel}:Code '{g.Code}' is geen CBS-gemeentecode (vier cijfers, bijvoorbeeld 0453).");
            else if (!gezien.Add(g.Code!))
                fouten.Add($"{sleutel}:Code '{g.Code}' staat er al eerder in; elke gemeente één keer.");
            if (string.IsNullOrWhiteSpace(g.Naam))
                fouten.Add($"{sleutel}:Naam ontbreekt.");
        }
        // Each gemeente's own policy, as the dienst's is checked (only once the codes themselves are right).
        if (fouten.Count == 0)
            fouten.AddRange(options.Gemeenten.SelectMany(g => beleid.SelectMany(b => b.Controleer(g.Code))));
        return fouten.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fouten);
    }

    [GeneratedRegex("^[0-9]{4}$")]
    internal static partial Regex Gemeentecode();
}
