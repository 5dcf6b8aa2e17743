namespace KenJeKlant.Grains;

/// <summary>
/// One reason a request is not acceptable, with the request field it is about (camelCase JSON path,
/// e.g. <c>capaciteit.slotMinuten</c>), so the API's problem+json <c>errors</c> name the field and a
/// form can show the message next to it.
/// </summary>
public sealed record Veldfout(string Veld, string Melding);
