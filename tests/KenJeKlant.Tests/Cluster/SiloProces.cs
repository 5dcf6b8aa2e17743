using System.Diagnostics;
using System.Globalization;
using System.Text;
using KenJeKlant.Tests.Infrastructure;

namespace KenJeKlant.Tests.Cluster;

/// <summary>
/// One real <c>KenJeKlant.Host</c> process (API + silo) with ports of its own. A SIGKILL is a real
/// crash here, unlike an in-process silo. Its console log is kept in memory and in a file, so a
/// failing test can show what each silo said. Start it again with the same ports and settings after
/// it stopped, as a process manager would.
/// </summary>
public sealed class SiloProces : IAsyncDisposable
{
    private static readonly TimeSpan GezondBinnen = TimeSpan.FromMinutes(2);

    private readonly object _slot = new();
    private readonly StringBuilder _log = new();
    private readonly string _logPad;
    private Process? _proces;
    private int _generatie;

    internal SiloProces(string naam, string connectionString, string logMap, IReadOnlyDictionary<string, string> instellingen)
    {
        Naam = naam;
        ConnectionString = connectionString;
        Instellingen = new Dictionary<string, string>(instellingen);
        HttpPoort = VrijePoorten.Volgende();
        SiloPoort = VrijePoorten.Volgende();
        GatewayPoort = VrijePoorten.Volgende();
        Adres = new Uri($"http://127.0.0.1:{HttpPoort}");
        // No request waits for long work any more: the import is a job that answers 202 and is followed
        // through its status resource (it needed five minutes here while it was one request).
        Http = new HttpClient { BaseAddress = Adres, Timeout = TimeSpan.FromSeconds(100) };
        _logPad = Path.Combine(logMap, naam + ".log");
    }

    public string Naam { get; }
    public string ConnectionString { get; }
    public int HttpPoort { get; }
    public int SiloPoort { get; }
    public int GatewayPoort { get; }
    public Uri Adres { get; }

    /// <summary>Talks to this silo only (no proxy in between). Times out after 100 s: a hang is a failure, not a wait.</summary>
    public HttpClient Http { get; }

    /// <summary>Extra configuration in environment-variable form (<c>Klok__Verschuiving</c>, …); change it before a restart.</summary>
    public Dictionary<string, string> Instellingen { get; }

    public bool Draait => _proces is { HasExited: false };

    public int? ExitCode => _proces is { HasExited: true } p ? p.ExitCode : null;

    public string Log
    {
        get { lock (_slot) return _log.ToString(); }
    }

    /// <summary>Starts the process (again); does not wait for it to be healthy.</summary>
    public void Start()
    {
        if (Draait) throw new InvalidOperationException($"{Naam} draait al.");
        _proces?.Dispose();
        var dll = HostDll();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Adres.ToString().TrimEnd('/'));
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__KenJeKlant"] = ConnectionString;
        env["Cluster__SiloPort"] = SiloPoort.ToString(CultureInfo.InvariantCulture);
        env["Cluster__GatewayPort"] = GatewayPoort.ToString(CultureInfo.InvariantCulture);
        env["Demo__SynthetischBestand"] = "0";
        env["Demo__Accounts"] = "true";
        env["Demo__Wachtwoord"] = KenJeKlant.Tests.Api.KenJeKlantApp.DemoWachtwoord;
        env["Beveiliging__AlleenHttps"] = "false";
        env["Beveiliging__AanmeldingenPerMinuut"] = "10000";
        // Production encrypts its data-protection keys at rest: with a certificate made for this test run.
        env["Beveiliging__Sleutels__CertificaatPem"] = TestCertificaat.Pem;
        // One line per entry with a timestamp, so the logs of several silos can be read side by side.
        env["Logging__Console__FormatterName"] = "simple";
        env["Logging__Console__FormatterOptions__SingleLine"] = "true";
        env["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        env["Logging__LogLevel__Default"] = "Information";
        env["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting"] = "Information";
        env["Logging__LogLevel__Orleans"] = "Warning";
        env["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information";
        foreach (var (sleutel, waarde) in Instellingen) env[sleutel] = waarde;

        var generatie = ++_generatie;
        Schrijf($"----- {Naam} start #{generatie}: http {HttpPoort}, silo {SiloPoort}, gateway {GatewayPoort} -----");
        var proces = Process.Start(info) ?? throw new InvalidOperationException($"Kon {Naam} niet starten.");
        proces.OutputDataReceived += (_, e) => { if (e.Data is not null) Schrijf(e.Data); };
        proces.ErrorDataReceived += (_, e) => { if (e.Data is not null) Schrijf("stderr: " + e.Data); };
        proces.BeginOutputReadLine();
        proces.BeginErrorReadLine();
        _proces = proces;
        ProcesOpruimer.Volg(proces);
    }

    /// <summary>Waits until /health answers 200 (silo active, PostgreSQL reachable). Fails at once if the process exits.</summary>
    public async Task WachtTotGezondAsync(TimeSpan? binnen = null)
    {
        var tot = DateTime.UtcNow + (binnen ?? GezondBinnen);
        string laatste = "geen antwoord";
        while (DateTime.UtcNow < tot)
        {
            if (!Draait) throw new InvalidOperationException($"{Naam} stopte tijdens het starten (exit {ExitCode}).\n{Staart()}");
            try
            {
                using var kort = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                using var antwoord = await Http.GetAsync(new Uri("/health", UriKind.Relative), kort.Token);
                if (antwoord.IsSuccessStatusCode) return;
                laatste = $"{(int)antwoord.StatusCode}: {await antwoord.Content.ReadAsStringAsync(kort.Token)}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                laatste = e.Message; // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Naam} niet gezond binnen {binnen ?? GezondBinnen}: {laatste}\n{Staart()}");
    }

    /// <summary>Waits for a process that should stop by itself (a refused start); its exit code, or a timeout with its log.</summary>
    public async Task<int> WachtOpEindeAsync(TimeSpan binnen)
    {
        if (_proces is not { } proces) throw new InvalidOperationException($"{Naam} is niet gestart.");
        using var wacht = new CancellationTokenSource(binnen);
        try
        {
            await proces.WaitForExitAsync(wacht.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Naam} stopte niet binnen {binnen}.\n{Staart()}");
        }
        return proces.ExitCode;
    }

    /// <summary>A real crash: SIGKILL, no shutdown code runs, the membership row still says Active.</summary>
    public async Task KillAsync()
    {
        if (_proces is not { HasExited: false } proces) return;
        Schrijf($"----- {Naam}: SIGKILL -----");
        proces.Kill();
        await proces.WaitForExitAsync();
    }

    /// <summary>
    /// SIGTERM, as systemd or Kubernetes stop a silo: the host drains gracefully. Returns how long the
    /// process took to exit; kills it (and fails) if it takes longer than <paramref name="binnen"/>.
    /// </summary>
    public async Task<TimeSpan> StopAsync(TimeSpan? binnen = null)
    {
        if (_proces is not { HasExited: false } proces) return TimeSpan.Zero;
        var klok = Stopwatch.StartNew();
        Schrijf($"----- {Naam}: SIGTERM -----");
        using (var kill = Process.Start("kill", ["-TERM", proces.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wacht = new CancellationTokenSource(binnen ?? TimeSpan.FromSeconds(60));
        try
        {
            await proces.WaitForExitAsync(wacht.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Naam} stopte niet binnen {binnen} na SIGTERM.\n{Staart()}");
        }
        return klok.Elapsed;
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Staart(int regels = 40)
    {
        var alles = Log.Split('\n');
        return string.Join('\n', alles.Skip(Math.Max(0, alles.Length - regels)));
    }

    private void Schrijf(string regel)
    {
        lock (_slot)
        {
            _log.Append(regel).Append('\n');
            File.AppendAllText(_logPad, regel + "\n");
        }
    }

    /// <summary>
    /// The host next to the tests (a project reference copies it with its runtimeconfig), else the
    /// host project's own output of the same configuration.
    /// </summary>
    internal static string HostDll()
    {
        var naast = Path.Combine(AppContext.BaseDirectory, "KenJeKlant.Host.dll");
        if (File.Exists(naast) && File.Exists(Path.ChangeExtension(naast, ".runtimeconfig.json"))) return naast;
        var uitvoer = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuratie = uitvoer.Parent?.Name ?? "Release";
        for (var map = uitvoer; map is not null; map = map.Parent)
        {
            var kandidaat = Path.Combine(map.FullName, "src", "KenJeKlant.Host", "bin", configuratie, "net10.0", "KenJeKlant.Host.dll");
            if (File.Exists(kandidaat)) return kandidaat;
        }
        throw new InvalidOperationException($"KenJeKlant.Host.dll niet gevonden naast de tests ({naast}) of in src/KenJeKlant.Host/bin/{configuratie}: bouw eerst (dotnet build -c {configuratie}).");
    }


    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _proces?.Dispose();
        Http.Dispose();
    }
}

/// <summary>
/// Kills every host process still running when the test process exits, so an aborted run leaves no
/// silos behind that keep writing to the test server.
/// </summary>
internal static class ProcesOpruimer
{
    private static readonly List<Process> Processen = [];

    static ProcesOpruimer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAlles();

    public static void Volg(Process proces)
    {
        lock (Processen)
        {
            Processen.RemoveAll(p => { try { return p.HasExited; } catch (InvalidOperationException) { return true; } });
            Processen.Add(proces);
        }
    }

    private static void KillAlles()
    {
        lock (Processen)
        {
            foreach (var proces in Processen)
            {
                try
                {
                    if (!proces.HasExited) proces.Kill();
                }
                catch (InvalidOperationException)
                {
                    // already gone or disposed
                }
            }
        }
    }
}
