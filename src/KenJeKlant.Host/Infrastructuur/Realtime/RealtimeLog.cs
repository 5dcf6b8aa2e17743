namespace KenJeKlant.Host.Infrastructuur.Realtime;

internal static partial class RealtimeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-subscribing to {Id} failed; the next round tries again")]
    public static partial void HerabonnerenMislukt(ILogger logger, Exception fout, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing from {Id} failed; the subscription expires by itself")]
    public static partial void OpzeggenMislukt(ILogger logger, Exception fout, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding to SignalR group {Groep} failed")]
    public static partial void DoorgevenMislukt(ILogger logger, Exception fout, string groep);
}
