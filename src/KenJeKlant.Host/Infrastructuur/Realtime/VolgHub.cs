using Microsoft.AspNetCore.SignalR;

namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>
/// The one way a dashboard follows something live. A feature's hub gives the group, the access check and the
/// snapshot; this joins the group, has the host's <see cref="Doorgever{TObserver}"/> subscribe to the grain
/// <em>before</em> the snapshot is read (a change in between arrives as a push, never lost), sends the snapshot,
/// and lets go of everything the connection followed when it leaves.
/// </summary>
public abstract class VolgHub<TClient, TObserver>(Doorgever<TObserver> doorgever) : Hub<TClient>
    where TClient : class
    where TObserver : class, IGrainObserver
{
    protected abstract string Groep(string id);

    /// <summary>Throws a <see cref="HubException"/> saying why when this connection may not follow <paramref name="id"/>.</summary>
    protected abstract Task ControleerAsync(string id);

    protected abstract Task StuurMomentopnameAsync(string id);

    protected async Task VolgAsync(string id)
    {
        // During a rolling restart a (re)connecting page may ask just as the silo holding the grain leaves: the next
        // call activates the grain on a silo that is there. Without this the page stays connected but follows nothing.
        // Every step is idempotent, so a retry repeats nothing twice.
        for (var poging = 1; ; poging++)
        {
            try
            {
                await ControleerAsync(id);
                await Groups.AddToGroupAsync(Context.ConnectionId, Groep(id));
                if (Gevolgd.Van(Context).Add(id)) doorgever.Volg(id);
                await doorgever.AbonneerAsync(id);
                await StuurMomentopnameAsync(id);
                return;
            }
            catch (SiloUnavailableException) when (poging < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * poging));
            }
        }
    }

    protected async Task VerlaatAsync(string id)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Groep(id));
        if (Gevolgd.Van(Context).Remove(id)) await doorgever.VerlaatAsync(id);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var id in Gevolgd.Van(Context)) await doorgever.VerlaatAsync(id);
        await base.OnDisconnectedAsync(exception);
    }
}
