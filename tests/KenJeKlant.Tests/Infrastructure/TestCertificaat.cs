using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>
/// A self-signed RSA certificate for the data-protection keys, made in the test (no file in the repository): one per
/// test run, so every host process of a cluster test shares it, as the silos of one installation do.
/// </summary>
public static class TestCertificaat
{
    private static readonly Lazy<X509Certificate2> Gedeeld = new(() => Maak("KenJeKlant test sleutels"));

    public static X509Certificate2 Certificaat => Gedeeld.Value;

    /// <summary>Certificate and private key as one PEM text: <c>Beveiliging:Sleutels:CertificaatPem</c>.</summary>
    public static string Pem => AlsPem(Certificaat);

    public static X509Certificate2 Maak(string naam)
    {
        using var rsa = RSA.Create(2048);
        var verzoek = new CertificateRequest($"CN={naam}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        verzoek.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var zonderExport = verzoek.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        // Through PKCS#12 once, so the key stays with the certificate after the RSA object above is disposed.
        return X509CertificateLoader.LoadPkcs12(zonderExport.Export(X509ContentType.Pkcs12, ""), "", X509KeyStorageFlags.Exportable);
    }

    public static string AlsPem(X509Certificate2 certificaat)
    {
        using var rsa = certificaat.GetRSAPrivateKey() ?? throw new InvalidOperationException("Het certificaat heeft geen RSA-sleutel.");
        return certificaat.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n";
    }

    /// <summary>A PKCS#12 file with a password, in the temp folder: <c>Beveiliging:Sleutels:CertificaatPad</c> and <c>…Wachtwoord</c>.</summary>
    public static string AlsPfx(X509Certificate2 certificaat, string wachtwoord)
    {
        var pad = Path.Combine(Path.GetTempPath(), $"kjk-sleutels-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(pad, certificaat.Export(X509ContentType.Pkcs12, wachtwoord));
        return pad;
    }
}
