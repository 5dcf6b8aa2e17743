using System.Collections.Concurrent;
using System.Text.Json;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>Enum values in the tables as users say them ("niet-verschenen"), the same spelling as the API.</summary>
public static class EnumTekst
{
    public static string Van<T>(T waarde) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(waarde.ToString());

    public static T Naar<T>(string tekst) where T : struct, Enum => Cache<T>.Waarden.TryGetValue(tekst, out var waarde)
        ? waarde
        : throw new InvalidOperationException($"Onbekende waarde '{tekst}' voor {typeof(T).Name} in de database.");

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<string, T> Waarden = new(Enum.GetValues<T>().ToDictionary(Van, w => w, StringComparer.Ordinal));
    }
}
