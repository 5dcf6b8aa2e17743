using Orleans.Concurrency;

namespace KenJeKlant.Abstractions.Herbeoordelingen;

/// <summary>
/// One of a few scanners (key: its number) that find the clients whose herbeoordeling moment has come and
/// let each klant grain bring its herbeoordeling up to date. Each scanner owns a fixed part of the clients.
/// </summary>
[Alias("kjk.IHerbeoordelingScannerGrain")]
public interface IHerbeoordelingScannerGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure this scanner's reminder exists (every silo asks at start; asking again changes nothing).</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>Looks now, without the caller waiting (an import that wrote clients in bulk asks this).</summary>
    [Alias("Kijk"), OneWay]
    Task KijkAsync();

    /// <summary>Looks now; answers how many clients whose moment had come were brought up to date.</summary>
    [Alias("Scan")]
    Task<int> ScanAsync();
}
