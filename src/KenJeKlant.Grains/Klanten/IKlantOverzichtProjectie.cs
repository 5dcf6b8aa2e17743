using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Klanten;

/// <summary>
/// Where the klant grain writes its typed overview row after every change, so lists and reports
/// query tables instead of grain-state blobs. The host supplies it on PostgreSQL.
/// </summary>
public interface IKlantOverzichtProjectie
{
    /// <summary>Inserts or updates the row; a row that already says all this is left alone.</summary>
    Task SchrijfAsync(KlantOverzicht overzicht, CancellationToken cancellationToken = default);
}
