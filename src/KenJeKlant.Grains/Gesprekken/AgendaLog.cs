using KenJeKlant.Abstractions.Campagnes;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Gesprekken;

internal static partial class AgendaLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Gesprek {Gesprek} gepland in de agenda van {Klantmanager} (door {Door})")]
    public static partial void Gepland(ILogger logger, Guid gesprek, string klantmanager, string door);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gesprek {Gesprek} in de agenda van {Klantmanager} verzet op verzoek van {Verzoek} (door {Door})")]
    public static partial void Verzet(ILogger logger, Guid gesprek, string klantmanager, VerzetVerzoek verzoek, string door);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Werk van de agenda van {Klantmanager} mislukt; de volgende beurt probeert het opnieuw")]
    public static partial void WerkMislukt(ILogger logger, Exception fout, string klantmanager);
}
