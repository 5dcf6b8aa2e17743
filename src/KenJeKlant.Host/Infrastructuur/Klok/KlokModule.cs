using KenJeKlant.Grains;
using Orleans.Reminders;

namespace KenJeKlant.Host.Infrastructuur.Klok;

public static class KlokModule
{
    /// <summary>
    /// The one <see cref="Domeinklok"/>: the system clock; with <c>Klok:Verschuiving</c> (tests, demos) moved by
    /// that offset, and then the reminder service's clock moves with it, or a reminder armed for a due date would
    /// not see the date pass; with <c>Klok:DagInSeconden</c> running that many real seconds per day
    /// (reminders then stay on real time: the campaign does not depend on them). The unkeyed clock
    /// (membership, messaging) is never moved.
    /// </summary>
    public static WebApplicationBuilder AddDomeinklok(this WebApplicationBuilder builder)
    {
        TimeProvider tijd = TimeProvider.System;
        builder.AddInstellingen<KlokInstellingen>(KlokInstellingen.Sectie);
        var instellingen = builder.Configuration.GetSection(KlokInstellingen.Sectie).Get<KlokInstellingen>() ?? new KlokInstellingen();
        var verschuiving = instellingen.Verschuiving;
        if (verschuiving != TimeSpan.Zero)
        {
            var verschoven = new VerschovenKlok(TimeProvider.System, verschuiving);
            builder.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, verschoven);
            builder.Services.AddHostedService(sp => new VerschovenKlokWaarschuwing(verschoven, sp.GetRequiredService<ILogger<VerschovenKlokWaarschuwing>>()));
            tijd = verschoven;
        }
        if (instellingen.DagInSeconden > 0) tijd = new VersneldeKlok(tijd, TimeSpan.FromDays(1).TotalSeconds / instellingen.DagInSeconden);
        builder.Services.AddSingleton(new Domeinklok(tijd));
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
