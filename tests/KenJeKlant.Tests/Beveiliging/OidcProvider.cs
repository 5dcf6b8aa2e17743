using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KenJeKlant.Tests.Cluster;

namespace KenJeKlant.Tests.Beveiliging;

/// <summary>
/// The gemeente's identity provider for a test: a real OpenID Connect provider (the certified npm package
/// oidc-provider, tests/oidc-provider/provider.mjs) in a node process of its own, on 127.0.0.2 — another site than
/// the host on 127.0.0.1, as a real provider is. Installed by deploy/local/dashboards.sh packages; a missing node or
/// package, or a provider that does not answer, fails the test with what to do. Never skipped.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "kenjeklant";

    private readonly Process _proces;
    private readonly StringBuilder _log = new();
    private readonly string _instellingen;

    private OidcProvider(Process proces, string issuer, string instellingen)
    {
        _proces = proces;
        Issuer = issuer;
        _instellingen = instellingen;
    }

    /// <summary>The provider's address, also its issuer: what the host gets as Beveiliging:Oidc:Authority.</summary>
    public string Issuer { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>An account at the gemeente: its password and the claims the provider gives KenJeKlant.</summary>
    public sealed record Account(string Id, string Wachtwoord, string Naam, string[] Rollen, string? Medewerker = null);

    /// <summary>A port for the provider, chosen before the host starts (the host needs the address, the provider the host's).</summary>
    public static string KiesIssuer() =>
        $"http://127.0.0.2:{KenJeKlant.Tests.Infrastructure.VrijePoorten.Volgende().ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts the provider at <paramref name="issuer"/> with KenJeKlant at <paramref name="host"/> as its one client.</summary>
    public static async Task<OidcProvider> StartAsync(string issuer, string host, string clientSecret, IEnumerable<Account> accounts)
    {
        var map = Path.Combine(RepositoryMap(), "tests", "oidc-provider");
        if (!Directory.Exists(Path.Combine(map, "node_modules", "oidc-provider")))
            throw new InvalidOperationException($"oidc-provider ontbreekt in {map}/node_modules: voer 'deploy/local/dashboards.sh packages' uit (deploy/local/test.sh doet dat).");
        var instellingen = Path.Combine(Path.GetTempPath(), $"kjk-oidc-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(instellingen, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["client"] = new Dictionary<string, object>
            {
                ["client_id"] = ClientId,
                ["client_secret"] = clientSecret,
                ["redirect_uris"] = new[] { host + "/signin-oidc" },
                ["post_logout_redirect_uris"] = new[] { host + "/signout-callback-oidc" },
                ["response_types"] = new[] { "code" },
                ["grant_types"] = new[] { "authorization_code" },
                // ASP.NET Core's handler sends its secret in the form body.
                ["token_endpoint_auth_method"] = "client_secret_post",
            },
            ["accounts"] = accounts.Select(a => new Dictionary<string, object>
            {
                ["id"] = a.Id,
                ["wachtwoord"] = a.Wachtwoord,
                ["claims"] = a.Medewerker is null
                    ? new Dictionary<string, object> { ["name"] = a.Naam, ["roles"] = a.Rollen }
                    : new Dictionary<string, object> { ["name"] = a.Naam, ["roles"] = a.Rollen, ["medewerker_id"] = a.Medewerker },
            }).ToList(),
        }));

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = map,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(map, "provider.mjs"));
        info.ArgumentList.Add(instellingen);
        Process proces;
        try
        {
            proces = Process.Start(info) ?? throw new InvalidOperationException("node startte niet.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node ontbreekt: installeer Node.js (deploy/local/dashboards.sh packages installeert npm en node uit Debian).", e);
        }
        ProcesOpruimer.Volg(proces);
        var provider = new OidcProvider(proces, issuer, instellingen);
        var klaar = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proces.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            provider.Schrijf(e.Data);
            if (e.Data.StartsWith("klaar ", StringComparison.Ordinal)) klaar.TrySetResult();
        };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) provider.Schrijf("stderr: " + e.Data); };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();

        var gestopt = proces.WaitForExitAsync();
        var eerste = await Task.WhenAny(klaar.Task, gestopt, Task.Delay(TimeSpan.FromSeconds(30)));
        if (eerste != klaar.Task)
        {
            await provider.DisposeAsync();
            throw new InvalidOperationException(
                $"De OIDC-provider startte niet op {issuer} ({(eerste == gestopt ? "node stopte" : "geen 'klaar' binnen 30 s")}):\n{provider.Log}");
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var discovery = await http.GetAsync(new Uri(issuer + "/.well-known/openid-configuration"));
        if (!discovery.IsSuccessStatusCode)
            throw new InvalidOperationException($"De OIDC-provider op {issuer} geeft geen discovery-document ({(int)discovery.StatusCode}):\n{provider.Log}");
        return provider;
    }

    private void Schrijf(string regel)
    {
        lock (_log) _log.Append(regel).Append('\n');
    }

    private static string RepositoryMap()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
            if (File.Exists(Path.Combine(map.FullName, "KenJeKlant.sln"))) return map.FullName;
        throw new InvalidOperationException("De repository (KenJeKlant.sln) is niet gevonden boven " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill();
            await _proces.WaitForExitAsync();
        }
        _proces.Dispose();
        File.Delete(_instellingen);
    }
}
