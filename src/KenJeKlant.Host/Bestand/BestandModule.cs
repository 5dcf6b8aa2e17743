using KenJeKlant.Host.Infrastructuur;
using System.Text;

namespace KenJeKlant.Host.Bestand;

/// <summary>Importing the bestand export: <c>/api/v1/bestand</c>; the demo bestand on an empty database.</summary>
public static class BestandModule
{
    public static WebApplicationBuilder AddBestand(this WebApplicationBuilder builder)
    {
        // Exports come in Windows-1252 too, and a Content-Type charset may name it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.AddInstellingen<ImportInstellingen>(ImportInstellingen.Sectie);
        builder.AddInstellingen<DemoInstellingen>(DemoInstellingen.Sectie);
        builder.Services.AddSingleton<IImportSlot, PostgresImportSlot>();
        builder.Services.AddSingleton<BestandImporteur>();
        builder.Services.AddSingleton<DemoGereed>();
        builder.Services.AddHostedService<DemoBestand>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBestand(this IEndpointRouteBuilder app)
    {
        app.MapBestandApi();
        return app;
    }
}
