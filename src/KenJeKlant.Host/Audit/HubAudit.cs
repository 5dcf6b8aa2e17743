using System.Diagnostics;
using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Audit;

/// <summary>
/// The audit entry for a hub call that sends personal data (a werklijst, the signal queue): a hub
/// has no HTTP response for the middleware to hook, so the hub writes it before it sends anything.
/// </summary>
// The system clock, not the Domeinklok: the audit log records when a processing really happened, also in the demo.
public sealed class HubAudit(IAuditLog log, TimeProvider klok)
{
    public Task SchrijfAsync(HubCallerContext context, string verwerking, string betrokkene, int resultaat) =>
        log.SchrijfAsync(new AuditRegel(
            klok.GetUtcNow(),
            Actor.Van(context.User ?? new()),
            Actor.RolVan(context.User ?? new()),
            AuditActie.Lezen,
            verwerking,
            betrokkene,
            resultaat,
            context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
            Activity.Current?.TraceId.ToString() ?? context.ConnectionId), CancellationToken.None);
}
