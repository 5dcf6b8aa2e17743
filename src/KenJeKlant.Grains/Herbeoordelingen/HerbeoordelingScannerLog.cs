using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Herbeoordelingen;

internal static partial class HerbeoordelingScannerLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Herbeoordeling of klant {Klantnummer} not brought up to date; the next scan tries again")]
    public static partial void NietBijgewerkt(this ILogger logger, Exception fout, string klantnummer);
}
