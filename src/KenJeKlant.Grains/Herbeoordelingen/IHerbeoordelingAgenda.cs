namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>Which clients' herbeoordeling moment has come (the host answers from the indexed column).</summary>
public interface IHerbeoordelingAgenda
{
    /// <summary>
    /// Up to <paramref name="aantal"/> clients in these buckets whose moment is at or before <paramref name="nu"/>,
    /// by moment and klantnummer, after <paramref name="na"/> (keyset paging: a client that could not be brought
    /// up to date is not asked again in the same scan).
    /// </summary>
    Task<IReadOnlyList<TeControleren>> TeControlerenAsync(short[] vakken, DateTimeOffset nu, TeControleren? na, int aantal, CancellationToken ct = default);
}

public sealed record TeControleren(DateTimeOffset Moment, string Klantnummer);
