using KenJeKlant.Host.Infrastructuur;

namespace KenJeKlant.Host.Agenda;

/// <summary>
/// A klantmanager's agenda: <c>/api/v1/klantmanagers/{id}/agenda</c> (booked and free moments) and
/// <c>/api/v1/klantmanagers/{id}/agenda.ics</c> (for Outlook). Booked moments are the gesprek table's.
/// </summary>
public static class AgendaModule
{
    public static WebApplicationBuilder AddAgenda(this WebApplicationBuilder builder)
    {
        builder.AddInstellingen<AgendaInstellingen>(AgendaInstellingen.Sectie);
        builder.Services.AddSingleton<PostgresAgenda>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder app)
    {
        app.MapAgendaApi();
        return app;
    }
}
