namespace KenJeKlant.Abstractions.Werklijsten;

/// <summary>What the live werklijst receives: an item that arrived or changed, or one that left.</summary>
[GenerateSerializer, Alias("kjk.WerklijstWijziging")]
public sealed record WerklijstWijziging(
    [property: Id(0)] string Klantmanager,
    [property: Id(1)] WerklijstItem Item,
    [property: Id(2)] bool Verwijderd);
