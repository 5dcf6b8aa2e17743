namespace KenJeKlant.Abstractions.Handhaving;

/// <summary>
/// The review of one handhavingssignaal (key: the signal's id). A person takes every step; each
/// records who, when and why. A step out of order, or a decision without the steps it needs, throws
/// <see cref="Klanten.OvergangGeweigerdException"/> saying why. The system never decides by itself.
/// </summary>
[Alias("kjk.IHandhavingssignaalGrain")]
public interface IHandhavingssignaalGrain : IGrainWithGuidKey
{
    /// <summary>The signal and its review, or null when no campaign created a signal with this id.</summary>
    [Alias("Get")]
    Task<HandhavingsReview?> GetAsync();

    /// <summary>A behandelaar takes the signal: open → in behandeling.</summary>
    [Alias("NeemInBehandeling")]
    Task<HandhavingsReview> NeemInBehandelingAsync(string door, string toelichting);

    /// <summary>
    /// The behandelaar gives the signal back to the queue (absence, a conflict of interest, the wrong team):
    /// in behandeling → open, the steps taken so far stay; a colleague takes it from there.
    /// </summary>
    [Alias("GeefTerug")]
    Task<HandhavingsReview> GeefTerugAsync(string door, string toelichting);

    /// <summary>Checked whether the invitation reached the client (address, returned mail).</summary>
    [Alias("RegistreerBezorging")]
    Task<HandhavingsReview> RegistreerBezorgingAsync(bool bezorgd, string door, string toelichting);

    /// <summary>An attempt to reach the client and ask for their side; there may be several.</summary>
    [Alias("RegistreerContactpoging")]
    Task<HandhavingsReview> RegistreerContactpogingAsync(Contactkanaal kanaal, bool bereikt, string door, string toelichting);

    /// <summary>The client heard, or the zienswijzetermijn passed without a reaction.</summary>
    [Alias("RegistreerZienswijze")]
    Task<HandhavingsReview> RegistreerZienswijzeAsync(ZienswijzeSoort soort, string? samenvatting, string door, string toelichting);

    /// <summary>The judgement of verwijtbaarheid and dringende redenen.</summary>
    [Alias("RegistreerBeoordeling")]
    Task<HandhavingsReview> RegistreerBeoordelingAsync(Verwijtbaarheid verwijtbaarheid, bool dringendeRedenen, string door, string toelichting);

    /// <summary>The decision: in behandeling → besloten. Percentage and duration only with a voorstel maatregel.</summary>
    [Alias("NeemBesluit")]
    Task<HandhavingsReview> NeemBesluitAsync(BesluitSoort soort, int? percentage, int? duurMaanden, string door, string toelichting);

    /// <summary>
    /// Sends the voornemen letter (after the beoordeling, before the besluit) for an intended waarschuwing or
    /// voorstel maatregel: written to the outbox, the review refers to it, the zienswijze term runs from its date.
    /// </summary>
    [Alias("VerstuurVoornemen")]
    Task<HandhavingsReview> VerstuurVoornemenAsync(BesluitSoort soort, int? percentage, int? duurMaanden, string door, string toelichting);

    /// <summary>
    /// Sends the besluit letter (beschikking) for the besluit taken. Refused (409 saying why) before the voornemen
    /// letter when one is required, and before its zienswijze term has passed.
    /// </summary>
    [Alias("VerstuurBesluitbrief")]
    Task<HandhavingsReview> VerstuurBesluitbriefAsync(DateOnly? ingangsdatum, string door, string toelichting);
}
