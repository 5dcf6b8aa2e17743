using System.Text.Json;
using System.Text.Json.Serialization;

namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>SignalR for every feature's hub, and the upkeep of the hosts' grain subscriptions.</summary>
public static class RealtimeModule
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(o =>
        {
            // The same JSON as the API, so a dashboard reads a pushed voortgang like a fetched one.
            o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.AddHostedService<RealtimeOnderhoud>();
        return builder;
    }
}
