using KenJeKlant.Abstractions.Realtime;
namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>
/// One campaign (key: campagne id). Plans and invites its selection, drives the time-driven steps
/// and applies the no-show policy. Refused changes throw <see cref="Klanten.OvergangGeweigerdException"/>.
/// </summary>
[Alias("kjk.ICampagneGrain")]
public interface ICampagneGrain : IGrainWithStringKey, IVolgbaar<ICampagneObserver>
{
    /// <summary>Creates the campaign as concept. Refused when the id is taken.</summary>
    [Alias("Maak")]
    Task<CampagneStand> MaakAsync(CampagneDefinitie definitie, string door);

    /// <summary>Null when no campaign has this id.</summary>
    [Alias("Get")]
    Task<CampagneStand?> GetAsync();

    /// <summary>concept → actief: plans the selection and starts inviting. Returns at once; the invitations follow in batches.</summary>
    [Alias("Start")]
    Task<CampagneStand> StartAsync(string door);

    [Alias("Pauzeer")]
    Task<CampagneStand> PauzeerAsync(string door, string? toelichting);

    [Alias("Hervat")]
    Task<CampagneStand> HervatAsync(string door);

    /// <summary>Withdraws every gesprek that has not happened yet; clients already invited get a cancellation.</summary>
    [Alias("Annuleer")]
    Task<CampagneStand> AnnuleerAsync(string door, string? toelichting);

    [Alias("GetVoortgang")]
    Task<Voortgang?> GetVoortgangAsync();


    /// <summary>The klantmanager's outcome of one gesprek; the klant grain validates and records it, then the no-show policy acts.</summary>
    [Alias("RegistreerUitkomst")]
    Task<UitkomstVerwerking> RegistreerUitkomstAsync(string klantnummer, Guid gesprekId, GesprekUitkomst uitkomst);

    /// <summary>
    /// Moves one of its gesprekken, once the klantmanager's agenda found the new moment free (its caller): a verzetbrief,
    /// or a new invitation for a client not invited yet. Counts as verzet in the progress, never as a no-show.
    /// </summary>
    [Alias("Verzet")]
    Task<GesprekStand> VerzetAsync(Gesprekken.GesprekVerzetting verzetting, DateTimeOffset nieuwEind, int maximaalVerzetten);

    /// <summary>Does whatever is due now (invitations, herinneringen, prompts) and returns when it is written. The timer does the same on its own.</summary>
    [Alias("VerwerkTijd")]
    Task VerwerkTijdAsync();
}
