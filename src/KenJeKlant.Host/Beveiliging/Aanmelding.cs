using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Beveiliging;

public abstract record AanmeldUitkomst
{
    public sealed record Gelukt(Gebruiker Gebruiker) : AanmeldUitkomst;
    public sealed record Mislukt : AanmeldUitkomst;
    public sealed record Geblokkeerd(DateTimeOffset Tot) : AanmeldUitkomst;
}

/// <summary>
/// Checks a local password. A wrong password counts towards a block (five in a row → fifteen
/// minutes, configurable); while blocked even the right password is refused; success resets the count.
/// </summary>
public sealed partial class Aanmelding(
    IGebruikers gebruikers, IPasswordHasher<Gebruiker> hasher, IOptions<BeveiligingInstellingen> opties,
    TimeProvider klok, ILogger<Aanmelding> logger)
{
    // Verifying against this when the account does not exist costs the same time as a real check,
    // so timing does not tell which account names exist.
    private static readonly Gebruiker Leeg = new("", "", [], null, "");
    private static readonly Lazy<string> GeenHash = new(() => new PasswordHasher<Gebruiker>().HashPassword(Leeg, Guid.NewGuid().ToString()));

    public async Task<AanmeldUitkomst> ControleerAsync(string gebruikersnaam, string wachtwoord, CancellationToken ct)
    {
        var nu = klok.GetUtcNow();
        var gebruiker = await gebruikers.VindAsync(gebruikersnaam, ct);
        if (gebruiker is null || !gebruiker.Actief)
        {
            hasher.VerifyHashedPassword(Leeg, GeenHash.Value, wachtwoord);
            LogMislukt(logger, gebruikersnaam);
            return new AanmeldUitkomst.Mislukt();
        }
        if (gebruiker.GeblokkeerdTot is { } tot && tot > nu) return new AanmeldUitkomst.Geblokkeerd(tot);

        var check = hasher.VerifyHashedPassword(gebruiker, gebruiker.WachtwoordHash, wachtwoord);
        if (check == PasswordVerificationResult.Failed)
        {
            var instellingen = opties.Value;
            var na = await gebruikers.TelMisluktAsync(gebruikersnaam, instellingen.MaximaalMislukt, nu + instellingen.BlokkeerDuur, ct);
            LogMislukt(logger, gebruikersnaam);
            if (na?.GeblokkeerdTot is { } geblokkeerd && geblokkeerd > nu)
            {
                LogGeblokkeerd(logger, gebruikersnaam, geblokkeerd);
                return new AanmeldUitkomst.Geblokkeerd(geblokkeerd);
            }
            return new AanmeldUitkomst.Mislukt();
        }
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
            await gebruikers.BewaarAsync(gebruiker with { WachtwoordHash = hasher.HashPassword(gebruiker, wachtwoord), MisluktePogingen = 0, GeblokkeerdTot = null }, ct);
        else if (gebruiker.MisluktePogingen > 0)
            await gebruikers.HerstelPogingenAsync(gebruikersnaam, ct);
        return new AanmeldUitkomst.Gelukt(gebruiker);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for account {Gebruikersnaam}")]
    private static partial void LogMislukt(ILogger logger, string gebruikersnaam);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Gebruikersnaam} blocked until {Tot} after repeated failed logins")]
    private static partial void LogGeblokkeerd(ILogger logger, string gebruikersnaam, DateTimeOffset tot);
}
