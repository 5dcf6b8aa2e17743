namespace KenJeKlant.Host.Bestand;

/// <summary>The four ways an import request ends; the API maps each to its own status code.</summary>
public abstract record ImportUitkomst
{
    private ImportUitkomst() { }

    public sealed record Geimporteerd(ImportRapport Rapport) : ImportUitkomst;
    /// <summary>Row errors and no partial import asked: nothing imported.</summary>
    public sealed record Afgewezen(ImportRapport Rapport) : ImportUitkomst;
    /// <summary>The file as a whole is unreadable (no header, missing columns…).</summary>
    public sealed record Ongeldig(ImportRapport Rapport) : ImportUitkomst;
    /// <summary>Another import is running.</summary>
    public sealed record Bezet : ImportUitkomst;
}
