using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KenJeKlant.Host.Audit;

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over its own fields and the previous entry's hash,
/// so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class AuditKeten
{
    public static readonly byte[] Begin = new byte[32];

    /// <summary>Timestamps as PostgreSQL keeps them (microseconds), so what is hashed is what is stored.</summary>
    public static DateTimeOffset OpMicroseconde(DateTimeOffset tijdstip) =>
        new(tijdstip.UtcTicks - tijdstip.UtcTicks % 10, TimeSpan.Zero);

    public static byte[] Hash(long volgnummer, AuditRegel r, byte[] vorige)
    {
        ArgumentNullException.ThrowIfNull(r);
        var velden = string.Join('\u001f',
            volgnummer.ToString(CultureInfo.InvariantCulture), r.Tijdstip.UtcTicks.ToString(CultureInfo.InvariantCulture),
            r.Actor, r.Rol, r.Actie.ToString(), r.Verwerking, r.Betrokkene, r.Resultaat.ToString(CultureInfo.InvariantCulture),
            r.Oorsprong, r.TraceId, Convert.ToHexString(vorige));
        // Fields added later (V028) join the hash when an entry has them, so entries written before still verify.
        if (r.ActiviteitId is not null || r.SpanId is not null)
            velden = string.Join('\u001f', velden, r.ActiviteitId ?? "", r.SpanId ?? "");
        return SHA256.HashData(Encoding.UTF8.GetBytes(velden));
    }

    /// <summary>Checks entries in order of volgnummer.</summary>
    public static async Task<AuditVerificatie> VerifieerAsync(IAsyncEnumerable<AuditInvoer> invoer, CancellationToken ct)
    {
        var vorige = Begin;
        long verwacht = 1, aantal = 0;
        await foreach (var i in invoer.WithCancellation(ct))
        {
            if (i.Volgnummer != verwacht)
                return new(aantal, verwacht, $"Regel {verwacht} ontbreekt (gevonden: {i.Volgnummer}).");
            if (!i.VorigeHash.AsSpan().SequenceEqual(vorige) || !i.Hash.AsSpan().SequenceEqual(Hash(i.Volgnummer, i.Regel, vorige)))
                return new(aantal, i.Volgnummer, $"Regel {i.Volgnummer} is gewijzigd of past niet op de regel ervoor.");
            vorige = i.Hash;
            verwacht++;
            aantal++;
        }
        return new(aantal, null, $"De auditlog is intact: {aantal} regels.");
    }
}
