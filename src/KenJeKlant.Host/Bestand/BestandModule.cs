using System.Text;
using KenJeKlant.Grains.Bestand;
using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.Infrastructuur.Realtime;

namespace KenJeKlant.Host.Bestand;

/// <summary>Importing the bestand export as a job: <c>/api/v1/bestand</c> and, live, <c>/hubs/bestand</c>; the demo bestand on an empty database.</summary>
public static class BestandModule
{
    public static WebApplicationBuilder AddBestand(this WebApplicationBuilder builder)
    {
        // Exports come in Windows-1252 too, and a Content-Type charset may name it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.AddInstellingen<ImportInstellingen>(ImportInstellingen.Sectie);
        builder.AddInstellingen<DemoInstellingen>(DemoInstellingen.Sectie);
        builder.Services.AddSingleton<PostgresBestandImport>();
        builder.Services.AddSingleton<IBestandImportOpslag>(sp => sp.GetRequiredService<PostgresBestandImport>());
        builder.Services.AddSingleton<BestandImports>();
        builder.Services.AddSingleton<BestandImportDoorgever>();
        builder.Services.AddSingleton<IDoorgever>(sp => sp.GetRequiredService<BestandImportDoorgever>());
        builder.Services.AddSingleton<DemoGereed>();
        builder.Services.AddHostedService<DemoBestand>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBestand(this IEndpointRouteBuilder app)
    {
        app.MapBestandApi();
        app.MapHub<BestandImportHub>("/hubs/bestand");
        return app;
    }
}
