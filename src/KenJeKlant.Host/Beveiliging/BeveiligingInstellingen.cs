using System.ComponentModel.DataAnnotations;
namespace KenJeKlant.Host.Beveiliging;

/// <summary>Section <c>Beveiliging</c>: how people log in and how long a login lasts.</summary>
public sealed class BeveiligingInstellingen
{
    public const string Sectie = "Beveiliging";

    /// <summary>Failed passwords in a row before an account is blocked.</summary>
    [Range(1, 100)]
    public int MaximaalMislukt { get; set; } = 5;
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BlokkeerDuur { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>A browser session ends after this much inactivity.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessieDuur { get; set; } = TimeSpan.FromHours(8);
    /// <summary>Lifetime of a bearer token for scripts and API clients.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenDuur { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Login attempts per client address per minute (both the form and the token endpoint).</summary>
    [Range(1, 10_000)]
    public int AanmeldingenPerMinuut { get; set; } = 10;
    /// <summary>
    /// Cookies only over HTTPS (and HSTS). On by default; the local run command turns it off because
    /// it serves plain HTTP on localhost.
    /// </summary>
    public bool AlleenHttps { get; set; } = true;
    /// <summary>Seeds a beheerder account on an installation without any account, so the first login is possible.</summary>
    public EersteBeheerderInstellingen? EersteBeheerder { get; set; }
    public OidcInstellingen Oidc { get; set; } = new();
    /// <summary>The certificate that encrypts the data-protection keys in PostgreSQL (<see cref="SleutelCertificaat"/>).</summary>
    public SleutelInstellingen Sleutels { get; set; } = new();
}

/// <summary>
/// Section <c>Beveiliging:Sleutels</c>: a certificate with an RSA private key, either a file
/// (<see cref="CertificaatPad"/>: PKCS#12, or PEM with the key; <see cref="CertificaatWachtwoord"/> opens it)
/// or the PEM text itself (<see cref="CertificaatPem"/>, e.g. from a secret). Required outside Development.
/// </summary>
public sealed class SleutelInstellingen
{
    public string? CertificaatPad { get; set; }
    public string? CertificaatWachtwoord { get; set; }
    public string? CertificaatPem { get; set; }
}

public sealed class EersteBeheerderInstellingen
{
    public string Gebruikersnaam { get; set; } = "beheerder";
    public string Wachtwoord { get; set; } = "";
}

/// <summary>
/// The gemeente's identity provider. Configured (an <see cref="Authority"/>) it adds "Inloggen via de
/// gemeente"; the provider's role and medewerker claims become ours.
/// </summary>
public sealed class OidcInstellingen
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string RolClaim { get; set; } = "roles";
    public string MedewerkerClaim { get; set; } = "medewerker_id";
    public string NaamClaim { get; set; } = "name";
    /// <summary>The provider's claim (one or more values, CBS codes) limiting a programmaleider to gemeenten; absent: all.</summary>
    public string GemeenteClaim { get; set; } = "gemeente";
    /// <summary>The scopes asked for, space-separated; <c>openid</c> is always asked. Add the one under which the provider gives roles.</summary>
    public string Scopes { get; set; } = "openid profile";
}
