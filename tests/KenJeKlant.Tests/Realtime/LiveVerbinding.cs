using System.Text.Json;
using KenJeKlant.Tests.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace KenJeKlant.Tests.Realtime;

/// <summary>A SignalR client on one host's TestServer that keeps every message it receives, in order.</summary>
internal sealed class LiveVerbinding : IAsyncDisposable
{
    private readonly List<(string Soort, JsonElement Inhoud)> _berichten = [];
    private readonly Lock _slot = new();

    private LiveVerbinding(HubConnection verbinding) => Verbinding = verbinding;

    public HubConnection Verbinding { get; }

    /// <summary>Connects as <paramref name="gebruikersnaam"/> (a bearer token from the real token endpoint).</summary>
    public static async Task<LiveVerbinding> StartAsync(KenJeKlantApp app, string gebruikersnaam, string pad, params string[] soorten)
    {
        var token = await app.TokenAsync(gebruikersnaam);
        var server = app.Server;
        var verbinding = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, pad), o =>
            {
                // Through the in-memory TestServer: long polling needs nothing but HTTP.
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var live = new LiveVerbinding(verbinding);
        foreach (var soort in soorten)
            verbinding.On<JsonElement>(soort, inhoud => { lock (live._slot) live._berichten.Add((soort, inhoud.Clone())); });
        await verbinding.StartAsync();
        return live;
    }

    public IReadOnlyList<(string Soort, JsonElement Inhoud)> Berichten
    {
        get
        {
            lock (_slot) return [.. _berichten];
        }
    }

    /// <summary>Waits for the first <paramref name="aantal"/> messages: a message the hub sent before an invocation returned may be handled just after it.</summary>
    public async Task<IReadOnlyList<(string Soort, JsonElement Inhoud)>> WachtOpAsync(int aantal)
    {
        await Campagnes.CampagneOmgeving.WachtTotAsync(() => Task.FromResult(Berichten.Count >= aantal), $"minder dan {aantal} berichten ontvangen", seconden: 10);
        return Berichten;
    }

    public IReadOnlyList<JsonElement> Van(string soort) => [.. Berichten.Where(b => b.Soort == soort).Select(b => b.Inhoud)];

    public async ValueTask DisposeAsync() => await Verbinding.DisposeAsync();
}
