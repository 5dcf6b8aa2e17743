namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// A client's gesprekken as the <c>gesprek</c> table holds them — their one truth. The klant grain reads
/// them for the dossier; it keeps no copy. The host supplies it on PostgreSQL.
/// </summary>
public interface IKlantGesprekken
{
    /// <summary>Every gesprek of the client, of every campaign, oldest slot first.</summary>
    Task<IReadOnlyList<KlantGesprek>> VanKlantAsync(string klantnummer, CancellationToken ct = default);
}
