using System.Text.Json;

namespace KenJeKlant.Tests.Rapportages;

/// <summary>Reading a report's JSON as a reader of the table would: a table by the start of its title, a row by its label.</summary>
internal static class RapportJson
{
    /// <summary>The shown text of a cell (<c>weergave</c>), by column number; null when the table has no such row.</summary>
    public static string? Cel(JsonElement rapport, string tabelBegin, string rij, int kolom = 0)
    {
        var r = Tabel(rapport, tabelBegin).GetProperty("rijen").EnumerateArray().FirstOrDefault(r => r.GetProperty("label").GetString() == rij);
        return r.ValueKind == JsonValueKind.Undefined ? null : r.GetProperty("cellen")[kolom].GetProperty("weergave").GetString();
    }

    /// <summary>As <see cref="Cel(JsonElement, string, string, int)"/>, by column heading.</summary>
    public static string? Cel(JsonElement rapport, string tabelBegin, string rij, string kolom)
    {
        var index = Tabel(rapport, tabelBegin).GetProperty("kolommen").EnumerateArray().Select(k => k.GetString()).ToList().IndexOf(kolom);
        return index < 0 ? null : Cel(rapport, tabelBegin, rij, index);
    }

    private static JsonElement Tabel(JsonElement rapport, string tabelBegin) =>
        rapport.GetProperty("tabellen").EnumerateArray().First(t => t.GetProperty("titel").GetString()!.StartsWith(tabelBegin, StringComparison.Ordinal));
}
