using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Klanten;

/// <summary>
/// Bulk work over the clients in the bestand: their klantnummers are collected first, so no
/// read-model cursor stays open while the grains update that same table, then each client's grain
/// is called with a bounded number of calls in flight.
/// </summary>
public sealed class KlantenInBestand(IGrainFactory grains, IKlantOverzichten klanten)
{
    /// <summary>Enough calls in flight to keep PostgreSQL's connections busy without flooding the silo.</summary>
    public const int Gelijktijdig = 64;

    /// <returns>How many clients passed <paramref name="filter"/>, and for how many <paramref name="actie"/> said yes.</returns>
    public async Task<(int Klanten, int Ja)> VoerUitAsync(Func<string, bool> filter, Func<IKlantGrain, Task<bool>> actie, CancellationToken ct)
    {
        var nummers = new List<string>();
        await foreach (var nr in klanten.KlantnummersInBestandAsync(ct))
            if (filter(nr)) nummers.Add(nr);
        var ja = 0;
        await Parallel.ForEachAsync(nummers, new ParallelOptions { MaxDegreeOfParallelism = Gelijktijdig, CancellationToken = ct },
            async (nr, _) =>
            {
                if (await actie(grains.GetGrain<IKlantGrain>(nr))) Interlocked.Increment(ref ja);
            });
        return (nummers.Count, ja);
    }
}
