using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Campagnes;

internal static partial class CampagneLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Campagne {Campagne} is nu {Status} (door {Door})")]
    public static partial void Status(ILogger logger, string campagne, Abstractions.Campagnes.CampagneStatus status, string door);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Werk van campagne {Campagne} mislukt; de volgende beurt probeert het opnieuw")]
    public static partial void WerkMislukt(ILogger logger, Exception fout, string campagne);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Klant {Klant} niet bijgewerkt voor campagne {Campagne}; volgende beurt opnieuw")]
    public static partial void KlantNietBereikt(ILogger logger, Exception fout, string klant, string campagne);
}
