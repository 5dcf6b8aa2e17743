namespace KenJeKlant.Host.Audit;

/// <summary>
/// One processing of personal data, with the fields BIO 8.15 and the Logboek Dataverwerkingen ask
/// for: actor and role, action, object (the betrokkene, the data subject: e.g. a klantnummer), result, origin,
/// timestamp, trace id and the processing activity.
/// </summary>
public sealed record AuditRegel(
    DateTimeOffset Tijdstip,
    string Actor,
    string Rol,
    AuditActie Actie,
    string Verwerking,
    string Betrokkene,
    int Resultaat,
    string Oorsprong,
    string TraceId)
{
    /// <summary>The processing activity's stable id in the <see cref="Verwerkingsregister"/> (filled on writing).</summary>
    public string? ActiviteitId { get; init; }

    /// <summary>The span within the trace (filled on writing from the current activity).</summary>
    public string? SpanId { get; init; }
}

public enum AuditActie
{
    Lezen = 0,
    Wijzigen = 1,
}

/// <summary>An entry as stored: its place in the chain and the hashes that bind it to the one before.</summary>
public sealed record AuditInvoer(long Volgnummer, AuditRegel Regel, byte[] VorigeHash, byte[] Hash);

/// <summary>The outcome of checking the chain: how many entries, and the first that does not fit, if any.</summary>
public sealed record AuditVerificatie(long Aantal, long? EersteFout, string Uitleg)
{
    public bool Intact => EersteFout is null;
}
