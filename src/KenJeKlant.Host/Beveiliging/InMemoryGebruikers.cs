using System.Collections.Concurrent;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>Accounts for an installation without a database (nothing persists there anyway).</summary>
public sealed class InMemoryGebruikers : IGebruikers
{
    private readonly ConcurrentDictionary<string, Gebruiker> _gebruikers = new(StringComparer.Ordinal);

    public Task<Gebruiker?> VindAsync(string gebruikersnaam, CancellationToken ct) =>
        Task.FromResult(_gebruikers.GetValueOrDefault(gebruikersnaam));

    public Task<IReadOnlyList<Gebruiker>> AllemaalAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Gebruiker>>([.. _gebruikers.Values.OrderBy(g => g.Gebruikersnaam, StringComparer.Ordinal)]);

    public Task<bool> IsLeegAsync(CancellationToken ct) => Task.FromResult(_gebruikers.IsEmpty);

    public Task BewaarAsync(Gebruiker gebruiker, CancellationToken ct)
    {
        _gebruikers[gebruiker.Gebruikersnaam] = gebruiker;
        return Task.CompletedTask;
    }

    public Task<Gebruiker?> TelMisluktAsync(string gebruikersnaam, int maximum, DateTimeOffset blokkeerTot, CancellationToken ct)
    {
        if (!_gebruikers.ContainsKey(gebruikersnaam)) return Task.FromResult<Gebruiker?>(null);
        var na = _gebruikers.AddOrUpdate(gebruikersnaam, _ => throw new InvalidOperationException(), (_, g) =>
        {
            var pogingen = g.MisluktePogingen + 1;
            return g with { MisluktePogingen = pogingen, GeblokkeerdTot = pogingen >= maximum ? blokkeerTot : g.GeblokkeerdTot };
        });
        return Task.FromResult<Gebruiker?>(na);
    }

    public Task HerstelPogingenAsync(string gebruikersnaam, CancellationToken ct)
    {
        _gebruikers.AddOrUpdate(gebruikersnaam, _ => throw new InvalidOperationException(),
            (_, g) => g with { MisluktePogingen = 0, GeblokkeerdTot = null });
        return Task.CompletedTask;
    }
}
