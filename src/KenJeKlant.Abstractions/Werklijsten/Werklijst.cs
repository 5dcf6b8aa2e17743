namespace KenJeKlant.Abstractions.Werklijsten;

/// <summary>A klantmanager's werklijst, grouped as the screen shows it.</summary>
[GenerateSerializer, Alias("kjk.Werklijst")]
public sealed record Werklijst(
    [property: Id(0)] string Klantmanager,
    [property: Id(1)] IReadOnlyList<WerklijstItem> HerbeoordelingenTeLaat,
    [property: Id(2)] IReadOnlyList<WerklijstItem> HerbeoordelingenAanDeBeurt,
    [property: Id(3)] IReadOnlyList<WerklijstItem> GesprekkenZonderUitkomst,
    [property: Id(4)] IReadOnlyList<WerklijstItem> Gesprekken,
    [property: Id(5)] IReadOnlyList<WerklijstItem> AfsprakenTeControleren,
    [property: Id(6)] IReadOnlyList<WerklijstItem> HerbeoordelingenGepland);
