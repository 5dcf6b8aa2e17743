using System.Security.Cryptography;
using System.Text;

namespace KenJeKlant.Grains.Campagnes;

/// <summary>
/// Deterministic ids: the same campaign step for the same client always gets the same id, so a
/// step repeated after a crash meets its own earlier row instead of inviting the client twice.
/// </summary>
public static class GesprekIds
{
    public static Guid Gesprek(string campagneId, string klantnummer, int poging) =>
        Van($"gesprek/{campagneId}/{klantnummer}/{poging}");

    /// <summary>A letter of a gesprek; letters after a move carry the move's number (the first keep the id they always had).</summary>
    public static Guid Bericht(Guid gesprekId, BerichtSoort soort, int volgnummer = 0) =>
        Van(volgnummer == 0 ? $"bericht/{gesprekId:N}/{soort}" : $"bericht/{gesprekId:N}/{soort}/{volgnummer}");

    /// <summary>A gesprek a klantmanager planned: the n-th of this client in that klantmanager's agenda.</summary>
    public static Guid EigenGesprek(string klantmanager, string klantnummer, int volgnummer) =>
        Van($"gesprek/agenda/{klantmanager}/{klantnummer}/{volgnummer}");

    /// <summary>The owner recorded with a klantmanager's own gesprekken (the gesprek table's campagne_id): their agenda.</summary>
    public static string Agenda(string klantmanager) => $"{AgendaVoorvoegsel}{klantmanager}";

    private const string AgendaVoorvoegsel = "agenda/";

    public static bool IsAgenda(string eigenaar) => eigenaar.StartsWith(AgendaVoorvoegsel, StringComparison.Ordinal);

    /// <summary>The klantmanager whose agenda owns the gesprek (the inverse of <see cref="Agenda"/>); null for a campaign.</summary>
    public static string? KlantmanagerVanAgenda(string eigenaar) => IsAgenda(eigenaar) ? eigenaar[AgendaVoorvoegsel.Length..] : null;

    public static Guid Signaal(Guid gesprekId) => Van($"signaal/{gesprekId:N}");

    private static Guid Van(string sleutel)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sleutel), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant
        return new Guid(bytes, bigEndian: true);
    }
}
