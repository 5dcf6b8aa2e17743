using KenJeKlant.Host.Bestand;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// Makes the first login possible: a configured first beheerder on an installation without accounts,
/// and — for a demo install only — one account per role. Never overwrites an existing account.
/// Runs after the schema migration (hosted services start in registration order).
/// </summary>
public sealed partial class AccountsZaaien(
    IGebruikers gebruikers, IPasswordHasher<Gebruiker> hasher, IOptions<BeveiligingInstellingen> beveiliging,
    IOptions<DemoInstellingen> demo, ILogger<AccountsZaaien> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (beveiliging.Value.EersteBeheerder is { Wachtwoord.Length: > 0 } eerste && await gebruikers.IsLeegAsync(cancellationToken))
            await MaakAsync(eerste.Gebruikersnaam, "Beheerder", Rollen.Beheerder, null, eerste.Wachtwoord, cancellationToken);
        if (!demo.Value.Accounts) return;
        var wachtwoord = demo.Value.Wachtwoord;
        await MaakAsync("programmaleider", "Programmaleider (demo)", Rollen.Programmaleider, null, wachtwoord, cancellationToken);
        await MaakAsync("klantmanager", "Klantmanager KM001 (demo)", Rollen.Klantmanager, demo.Value.Klantmanager, wachtwoord, cancellationToken);
        await MaakAsync("handhaving", "Handhaving (demo)", Rollen.Handhaving, null, wachtwoord, cancellationToken);
        await MaakAsync("beheerder", "Beheerder (demo)", Rollen.Beheerder, null, wachtwoord, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MaakAsync(string naam, string weergave, string rol, string? medewerker, string wachtwoord, CancellationToken ct)
    {
        if (await gebruikers.VindAsync(naam, ct) is not null) return;
        var gebruiker = new Gebruiker(naam, weergave, [rol], medewerker, "");
        await gebruikers.BewaarAsync(gebruiker with { WachtwoordHash = hasher.HashPassword(gebruiker, wachtwoord) }, ct);
        LogAangemaakt(logger, naam, rol);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Gebruikersnaam} ({Rol}) created from configuration; change its password")]
    private static partial void LogAangemaakt(ILogger logger, string gebruikersnaam, string rol);
}
