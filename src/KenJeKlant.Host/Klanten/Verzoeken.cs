using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Klanten;

// Request bodies. Who records it comes from the request's user, never from the body; a missing
// date means today.

public sealed record IndelingVerzoek(Indeling Indeling, DateOnly? Datum, string? Toelichting);

public sealed record TredeVerzoek(int Trede, DateOnly? Datum);

public sealed record RouteVerzoek(string Route, DateOnly? Startdatum);

public sealed record OntheffingVerzoek(DateOnly Van, DateOnly Tot, string Grond);

public sealed record UitstroomVerzoek(string Reden, DateOnly? Datum);
