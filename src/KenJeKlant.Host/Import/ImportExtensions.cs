using System.Text;
using KenJeKlant.Host.Options;

namespace KenJeKlant.Host.Import;

public static class ImportExtensions
{
    public static WebApplicationBuilder AddKenJeKlantImport(this WebApplicationBuilder builder)
    {
        // Exports come in Windows-1252 too, and a Content-Type charset may name it.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.Configure<ImportInstellingen>(builder.Configuration.GetSection(ImportInstellingen.Sectie));
        builder.Services.Configure<DemoInstellingen>(builder.Configuration.GetSection(DemoInstellingen.Sectie));
        builder.Services.AddSingleton<BestandImporteur>();
        builder.Services.AddSingleton<DemoGereed>();
        builder.Services.AddHostedService<DemoBestand>();
        return builder;
    }
}
