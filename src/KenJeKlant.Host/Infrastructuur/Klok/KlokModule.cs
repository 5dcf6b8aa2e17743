using KenJeKlant.Grains;
using Orleans.Reminders;

namespace KenJeKlant.Host.Infrastructuur.Klok;

public static class KlokModule
{
    /// <summary>
    /// The domain clock (keyed <see cref="Klokken.Domein"/>): the system clock, or with
    /// <c>Klok:Verschuiving</c> (tests, demos) the system clock moved by that offset. The reminder
    /// service's keyed clock moves with it, or a reminder armed for a due date would not see the
    /// date pass. The unkeyed clock (membership, messaging) is never moved.
    /// </summary>
    public static WebApplicationBuilder AddDomeinklok(this WebApplicationBuilder builder)
    {
        var verschuiving = builder.Configuration.GetSection(KlokInstellingen.Sectie).Get<KlokInstellingen>()?.Verschuiving ?? TimeSpan.Zero;
        if (verschuiving == TimeSpan.Zero)
        {
            builder.Services.AddKeyedSingleton(Klokken.Domein, TimeProvider.System);
            return builder;
        }
        var klok = new VerschovenKlok(TimeProvider.System, verschuiving);
        builder.Services.AddKeyedSingleton<TimeProvider>(Klokken.Domein, klok);
        builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, klok);
        builder.Services.AddHostedService(sp => new VerschovenKlokWaarschuwing(klok, sp.GetRequiredService<ILogger<VerschovenKlokWaarschuwing>>()));
        return builder;
    }
}

/// <summary>A moved clock in production would misdate every history line: say so at start.</summary>
public sealed partial class VerschovenKlokWaarschuwing(VerschovenKlok klok, ILogger<VerschovenKlokWaarschuwing> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogVerschoven(klok.Verschuiving, klok.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "TEST/DEMO CLOCK: the domain and reminder clocks run {Verschuiving} off the real time (domain now {Nu:o}). Never set Klok__Verschuiving in production.")]
    private partial void LogVerschoven(TimeSpan verschuiving, DateTimeOffset nu);
}
