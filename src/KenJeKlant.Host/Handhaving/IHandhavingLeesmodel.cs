using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Grains.Campagnes;
using KenJeKlant.Grains.Handhaving;

namespace KenJeKlant.Host.Handhaving;

/// <summary>
/// What the handhaving screens read without asking a grain: the queue, and for one signal the client's
/// invitations in that campaign. Only what the review needs — no BSN, no dossier.
/// </summary>
public interface IHandhavingLeesmodel
{
    /// <summary>Signals, oldest first; <paramref name="status"/> filters when given.</summary>
    Task<IReadOnlyList<SignaalRegel>> SignalenAsync(SignaalStatus? status, CancellationToken ct);

    /// <summary>These signals as the queue shows them (for the live push); ids without a row are left out.</summary>
    Task<IReadOnlyList<SignaalRegel>> SignalenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>The client's gesprekken in this campaign with their letters, or null when there are none.</summary>
    Task<Uitnodigingshistorie?> UitnodigingshistorieAsync(string klantnummer, string campagneId, CancellationToken ct);

    /// <summary>A voornemen or besluit letter of this signal as it was sent, with the client's name and postcode; null when there is none.</summary>
    Task<HandhavingsbriefAfdruk?> BriefAsync(Guid signaalId, Guid briefId, CancellationToken ct);
}

/// <summary>A handhaving letter to print: what it said when sent, and to whom.</summary>
public sealed record HandhavingsbriefAfdruk(Handhavingsbrief Brief, string Naam, string Postcode)
{
    /// <summary>The signal's gemeente (CBS code), as stored on it.</summary>
    public string? GemeenteCode { get; init; }
    /// <summary>The gemeente the letter is sent for: its name and return address head it (resolved from the configuration).</summary>
    public KenJeKlant.Abstractions.Gemeenten.Gemeente? Gemeente { get; init; }
}

/// <summary>One line of the handhaving queue.</summary>
public sealed record SignaalRegel(
    Guid Id, string Klantnummer, string Naam, string CampagneId, Guid GesprekId, string Reden, SignaalStatus Status,
    DateTimeOffset AangemaaktOp, string? Behandelaar, BesluitSoort? Besluit, DateTimeOffset? BeslotenOp);

/// <summary>The client as the review sees them: name, klantmanager and the invitations of this campaign.</summary>
public sealed record Uitnodigingshistorie(
    string Klantnummer, string Naam, string Klantmanager, string CampagneNaam, IReadOnlyList<UitnodigingInCampagne> Gesprekken);

/// <summary>One invitation: when, what became of it, why the client was absent, and which letters went out.</summary>
public sealed record UitnodigingInCampagne(
    Guid GesprekId, int Poging, DateTimeOffset Start, DateTimeOffset Eind, GesprekStatus Status, AfwezigheidReden? Afwezigheid,
    DateTimeOffset? UitkomstOp, GesprekGevolg Gevolg, IReadOnlyList<BriefInHistorie> Brieven);

public sealed record BriefInHistorie(BerichtSoort Soort, BerichtStatus Status, DateTimeOffset VerzendOp, DateTimeOffset? VerzondenOp);
