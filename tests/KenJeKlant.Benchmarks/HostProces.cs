using System.Text.Json;
using System.Net.Http.Json;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KenJeKlant.Benchmarks;

/// <summary>The real host binary (Release) as a separate process, so its memory is measured on its own.</summary>
internal sealed class HostProces : IAsyncDisposable
{
    private readonly Process _proces;

    private HostProces(Process proces, Uri adres)
    {
        _proces = proces;
        Adres = adres;
    }

    public Uri Adres { get; }

    public static string LogPad { get; } = Path.Combine(Path.GetTempPath(), "kenjeklant-benchmark-host.log");

    /// <summary>A self-signed RSA certificate and its key as PEM (Beveiliging__Sleutels__CertificaatPem), once per run.</summary>
    private static readonly Lazy<string> SleutelCertificaat = new(() =>
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var verzoek = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=KenJeKlant benchmark", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificaat = verzoek.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificaat.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n";
    });

    /// <param name="logPad">Where the host's log goes; <see cref="LogPad"/> when not given.</param>
    public static async Task<HostProces> StartAsync(string connectionString, IDictionary<string, string>? extra = null, string? logPad = null)
    {
        var dll = Path.Combine(Omgeving.RepoRoot, "src/KenJeKlant.Host/bin/Release/net10.0/KenJeKlant.Host.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the host first: dotnet build -c Release ({dll} missing)");
        var poort = VrijePoort();
        var info = new ProcessStartInfo("dotnet", $"{dll} --urls http://127.0.0.1:{poort}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ConnectionStrings__KenJeKlant"] = connectionString;
        info.Environment["Cluster__SiloPort"] = VrijePoort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Cluster__GatewayPort"] = VrijePoort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // One account per role, so the benchmark logs in as the people who would do this.
        info.Environment["Demo__Accounts"] = "true";
        info.Environment["Demo__Wachtwoord"] = Wachtwoord;
        info.Environment["Beveiliging__AlleenHttps"] = "false";
        // A production host does not start with its data-protection keys unencrypted: a certificate made for this run.
        info.Environment["Beveiliging__Sleutels__CertificaatPem"] = SleutelCertificaat.Value;
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var proces = Process.Start(info)!;
        // The host's own log (warnings and errors) goes to a file, so a failed run can be read afterwards.
        var log = TextWriter.Synchronized(new StreamWriter(logPad ?? LogPad, append: false) { AutoFlush = true });
        proces.OutputDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        var host = new HostProces(proces, new Uri($"http://127.0.0.1:{poort}"));
        await host.WachtTotGezondAsync();
        return host;
    }

    /// <summary>The password of every account the benchmarks log in with (the demo accounts and those made by <see cref="MaakAccountAsync"/>).</summary>
    public const string Wachtwoord = "benchmark-wachtwoord";

    /// <summary>A client logged in as a demo account (<c>beheerder</c>, <c>programmaleider</c>, …) with a bearer token.</summary>
    public async Task<HttpClient> AlsAsync(string gebruikersnaam, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = Adres, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        using var antwoord = await http.PostAsJsonAsync(new Uri("/api/v1/tokens", UriKind.Relative), new { gebruikersnaam, wachtwoord = Wachtwoord });
        antwoord.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await antwoord.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// <summary>
    /// Posts an export to the import (a job: 202 and a status resource) and follows the job until it has
    /// ended; returns its last stand (<c>status</c>, and the report under <c>rapport</c>).
    /// </summary>
    public static async Task<JsonElement> ImporteerAsync(HttpClient http, HttpContent inhoud)
    {
        using var antwoord = await http.PostAsync(new Uri("/api/v1/bestand", UriKind.Relative), inhoud);
        if (antwoord.StatusCode != System.Net.HttpStatusCode.Accepted)
            throw new InvalidOperationException($"import: {(int)antwoord.StatusCode} {await antwoord.Content.ReadAsStringAsync()}");
        var status = antwoord.Headers.Location!;
        var klok = System.Diagnostics.Stopwatch.StartNew();
        string? fase = null;
        while (true)
        {
            var stand = JsonDocument.Parse(await http.GetStringAsync(status)).RootElement;
            // Where the time goes: each phase as the job reports it, from the upload on.
            if (stand.TryGetProperty("fase", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() != fase)
            {
                fase = f.GetString();
                Console.WriteLine($"  {klok.Elapsed.TotalSeconds,6:F1} s  fase {fase}");
            }
            if (stand.GetProperty("status").GetString() != "bezig") return stand;
            await Task.Delay(200);
        }
    }

    /// <summary>An account with these roles (made by a beheerder through the API), with the demo password.</summary>
    public static async Task MaakAccountAsync(HttpClient beheerder, string gebruikersnaam, string[] rollen, string? medewerker)
    {
        using var antwoord = await beheerder.PutAsJsonAsync(new Uri($"/api/v1/gebruikers/{gebruikersnaam}", UriKind.Relative),
            new { naam = gebruikersnaam, rollen, medewerker, wachtwoord = Wachtwoord });
        antwoord.EnsureSuccessStatusCode();
    }

    /// <summary>Peak resident memory of the host process (VmHWM), in MiB.</summary>
    public double PiekGeheugenMiB()
    {
        var regel = File.ReadLines($"/proc/{_proces.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = long.Parse(regel.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    private async Task WachtTotGezondAsync()
    {
        using var http = new HttpClient { BaseAddress = Adres };
        var tot = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < tot)
        {
            if (_proces.HasExited) throw new InvalidOperationException("host exited during start-up");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("host not healthy within 2 minutes");
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proces.HasExited)
        {
            _proces.Kill(entireProcessTree: true);
            await _proces.WaitForExitAsync();
        }
        _proces.Dispose();
    }
}
