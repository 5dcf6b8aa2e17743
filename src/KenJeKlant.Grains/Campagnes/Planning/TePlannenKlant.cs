namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>
/// A client to invite, with only what the explainable ordering may use. On purpose there is no wijk,
/// nationality, language or gender here: what the planner does not get, it cannot prioritise on.
/// </summary>
/// <param name="LaatsteGesprek">Date of the last participatiegesprek; <c>null</c> if never spoken.</param>
public sealed record TePlannenKlant(string Klantnummer, string Klantmanager, DateOnly? LaatsteGesprek, DateOnly StartdatumUitkering);
