using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Infrastructuur.Klok;
using KenJeKlant.Host.Infrastructuur.Orleans;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Infrastructuur.Realtime;

namespace KenJeKlant.Host.Infrastructuur;

/// <summary>What the features share: PostgreSQL, the domain clock, the Orleans silo, HTTP conventions and SignalR.</summary>
public static class InfrastructuurModule
{
    public static WebApplicationBuilder AddInfrastructuur(this WebApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.AddDomeinklok();
        builder.AddOrleansSilo();
        builder.AddHttp();
        builder.AddRealtime();
        return builder;
    }
}
