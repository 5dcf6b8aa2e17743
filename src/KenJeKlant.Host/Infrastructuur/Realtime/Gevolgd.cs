using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>
/// The ids one connection follows, kept with the connection so a disconnect can let go of them.
/// SignalR runs one invocation per connection at a time, so the set needs no lock.
/// </summary>
internal static class Gevolgd
{
    private const string Sleutel = "kjk.gevolgd";

    public static HashSet<string> Van(HubCallerContext context)
    {
        if (context.Items.TryGetValue(Sleutel, out var bestaand) && bestaand is HashSet<string> ids) return ids;
        var nieuw = new HashSet<string>(StringComparer.Ordinal);
        context.Items[Sleutel] = nieuw;
        return nieuw;
    }
}
