using System.Text.Json;
using System.Text.Json.Serialization;
using KenJeKlant.Host.Hubs;

namespace KenJeKlant.Host.Realtime;

public static class RealtimeExtensions
{
    public static WebApplicationBuilder AddKenJeKlantRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o =>
        {
            // The same JSON as the API, so a dashboard reads a pushed voortgang like a fetched one.
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddSingleton<CampagneDoorgever>();
        builder.Services.AddSingleton<WerklijstDoorgever>();
        builder.Services.AddSingleton<HandhavingDoorgever>();
        builder.Services.AddHostedService<RealtimeOnderhoud>();
        return builder;
    }

    public static WebApplication MapKenJeKlantHubs(this WebApplication app)
    {
        app.MapHub<CampagneHub>("/hubs/campagnes");
        app.MapHub<WerklijstHub>("/hubs/werklijsten");
        app.MapHub<HandhavingHub>("/hubs/handhaving");
        return app;
    }
}
