using System.Security.Cryptography.X509Certificates;

namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// The certificate that encrypts ASP.NET's data-protection keys where they rest (PostgreSQL,
/// <see cref="PostgresSleutelOpslag"/>): whoever can read that table could otherwise forge any session
/// or bearer token. Required in every environment but Development (the local demo, deploy/local/run.sh);
/// without it the host does not start and says what to set.
/// </summary>
public static class SleutelCertificaat
{
    private const string Sectie = "Beveiliging__Sleutels__";

    public const string Ontbreekt =
        "The data-protection keys (they sign every session and bearer token) are stored in PostgreSQL and must be encrypted there: " +
        "configure a certificate with an RSA private key, either " + Sectie + "CertificaatPad (a .pfx/.p12 file, or a PEM file with " +
        "certificate and private key) with " + Sectie + "CertificaatWachtwoord, or " + Sectie + "CertificaatPem (certificate and " +
        "private key as PEM text, e.g. from a secret). Only the local demo (ASPNETCORE_ENVIRONMENT=Development) runs without one.";

    /// <summary>The configured certificate; null only in Development without one; otherwise a missing or unusable one throws.</summary>
    public static X509Certificate2? Laad(SleutelInstellingen instellingen, IHostEnvironment omgeving)
    {
        ArgumentNullException.ThrowIfNull(instellingen);
        ArgumentNullException.ThrowIfNull(omgeving);
        var pad = Leeg(instellingen.CertificaatPad);
        var pem = Leeg(instellingen.CertificaatPem);
        var wachtwoord = Leeg(instellingen.CertificaatWachtwoord);
        if (pad is not null && pem is not null)
            throw new InvalidOperationException($"Set either {Sectie}CertificaatPad or {Sectie}CertificaatPem, not both.");
        if (pad is null && pem is null)
            return omgeving.IsDevelopment() ? null : throw new InvalidOperationException(Ontbreekt);

        X509Certificate2 certificaat;
        try
        {
            certificaat = pem is not null ? UitPem(pem, wachtwoord) : UitBestand(pad!, wachtwoord);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The certificate for the data-protection keys ({(pad is not null ? Sectie + "CertificaatPad " + pad : Sectie + "CertificaatPem")}) " +
                $"could not be read: {e.Message} Check the file and {Sectie}CertificaatWachtwoord.", e);
        }
        if (!certificaat.HasPrivateKey || certificaat.GetRSAPrivateKey() is null)
            throw new InvalidOperationException(
                $"The certificate for the data-protection keys ({certificaat.Subject}) has no RSA private key; the keys cannot be decrypted with it. " + Ontbreekt);
        return certificaat;
    }

    private static X509Certificate2 UitBestand(string pad, string? wachtwoord)
    {
        // A PEM file is text that starts with its armour; anything else is taken as PKCS#12.
        var tekst = File.ReadAllText(pad);
        if (tekst.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)) return UitPem(tekst, wachtwoord);
        return X509CertificateLoader.LoadPkcs12FromFile(pad, wachtwoord, X509KeyStorageFlags.EphemeralKeySet);
    }

    // The certificate and its key may stand in one text: each call takes the part it looks for.
    private static X509Certificate2 UitPem(string pem, string? wachtwoord) =>
        pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal) && wachtwoord is not null
            ? X509Certificate2.CreateFromEncryptedPem(pem, pem, wachtwoord)
            : X509Certificate2.CreateFromPem(pem, pem);

    private static string? Leeg(string? waarde) => string.IsNullOrWhiteSpace(waarde) ? null : waarde;
}
