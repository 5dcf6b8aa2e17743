using PdfSharp.Fonts;

namespace KenJeKlant.Host.PlanVanAanpak;

/// <summary>
/// PDFsharp's font resolver: every family asked for is set in the configured font (regular or bold). PDFsharp keeps
/// one resolver per process and it may be set only once, so the first host in the process installs it; later
/// hosts (tests start several) find it there.
/// </summary>
public sealed class Lettertypen : IFontResolver
{
    public const string Familie = "KenJeKlant";
    private const string Gewoon = "kenjeklant-gewoon", Vet = "kenjeklant-vet";
    private static readonly Lock Slot = new();

    private readonly byte[] _gewoon;
    private readonly byte[] _vet;

    private Lettertypen(AfdrukInstellingen instellingen)
    {
        if (AfdrukInstellingen.Ontbreekt(instellingen) is { } fout) throw new InvalidOperationException(fout);
        _gewoon = File.ReadAllBytes(instellingen.Lettertype);
        _vet = File.ReadAllBytes(instellingen.LettertypeVet);
    }

    /// <summary>Makes the resolver PDFsharp's, once per process; throws, naming the setting, when a font file is missing.</summary>
    public static void Installeer(AfdrukInstellingen instellingen)
    {
        lock (Slot)
        {
            if (GlobalFontSettings.FontResolver is Lettertypen) return;
            GlobalFontSettings.FontResolver = new Lettertypen(instellingen);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Vet : Gewoon, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == Vet ? _vet : _gewoon;
}
