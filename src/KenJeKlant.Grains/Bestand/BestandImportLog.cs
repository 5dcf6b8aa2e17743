using KenJeKlant.Abstractions.Bestand;
using Microsoft.Extensions.Logging;

namespace KenJeKlant.Grains.Bestand;

internal static partial class BestandImportLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Bestand import {ImportId}: {Status} ({Regels} regels, {Nieuw} nieuw, {Gewijzigd} gewijzigd, {Ongewijzigd} ongewijzigd, {Terug} terug in bestand, {Afgewezen} afgewezen, {Uit} uit bestand)")]
    public static partial void Beeindigd(ILogger logger, Guid importId, ImportStatus status, int regels, int nieuw, int gewijzigd, int ongewijzigd, int terug, int afgewezen, int uit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bestand import {ImportId}: step {Fase}")]
    public static partial void Fase(ILogger logger, Guid importId, ImportFase fase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bestand import {ImportId}: {Aantal} rows unchanged, settled without a klant grain call")]
    public static partial void OngewijzigdGezet(ILogger logger, int aantal, Guid importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bestand import {ImportId}: {Aantal} new clients written in bulk, without a klant grain call")]
    public static partial void NieuwGezet(ILogger logger, int aantal, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bestand import {ImportId}: {Aantal} klant grain call(s) failed; those rows are tried again")]
    public static partial void KlantenNietBereikt(ILogger logger, Exception fout, int aantal, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bestand import {ImportId}: a step failed; the job starts again from what is stored")]
    public static partial void StapMislukt(ILogger logger, Exception fout, Guid importId);
}
