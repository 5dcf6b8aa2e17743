namespace KenJeKlant.Abstractions.Werklijsten;

[GenerateSerializer, Alias("kjk.WerklijstSoort")]
public enum WerklijstSoort
{
    Herbeoordeling = 0,
    GesprekZonderUitkomst = 1,
    Gesprek = 2,
}
