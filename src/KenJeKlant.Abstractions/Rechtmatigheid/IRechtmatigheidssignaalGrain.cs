namespace KenJeKlant.Abstractions.Rechtmatigheid;

/// <summary>
/// One rechtmatigheidssignaal (key: its id). The table row is its one home; the grain takes its steps one at a time
/// and refuses one out of order with <see cref="Klanten.OvergangGeweigerdException"/> saying why (409).
/// </summary>
[Alias("kjk.IRechtmatigheidssignaalGrain")]
public interface IRechtmatigheidssignaalGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<Rechtmatigheidszaak?> GetAsync();

    /// <summary>A klantmanager raises the signal with the facts (the endpoint checked the aanleiding and the caseload).</summary>
    [Alias("Meld")]
    Task<Rechtmatigheidszaak> MeldAsync(string klantnummer, string aanleiding, string feiten, string toelichting, string door);

    /// <summary>Handhaving starts the onderzoek: gemeld → in onderzoek.</summary>
    [Alias("StartOnderzoek")]
    Task<Rechtmatigheidszaak> StartOnderzoekAsync(string door, string toelichting);

    /// <summary>Handhaving calls the client to be heard (art. 17/54): the oproep letter goes to the outbox. In onderzoek → horen.</summary>
    [Alias("RoepOp")]
    Task<Rechtmatigheidszaak> RoepOpAsync(DateTimeOffset moment, string locatie, string door, string toelichting);

    /// <summary>The conclusie, a proposal decided outside this system: horen → afgerond.</summary>
    [Alias("Concludeer")]
    Task<Rechtmatigheidszaak> ConcludeerAsync(RechtmatigheidConclusie soort, string door, string toelichting);
}
