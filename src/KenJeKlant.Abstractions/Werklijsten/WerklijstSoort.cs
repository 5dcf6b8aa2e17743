namespace KenJeKlant.Abstractions.Werklijsten;

[GenerateSerializer, Alias("kjk.WerklijstSoort")]
public enum WerklijstSoort
{
    Herbeoordeling = 0,
    GesprekZonderUitkomst = 1,
    Gesprek = 2,
    /// <summary>An afspraak of the plan van aanpak whose deadline has come: "Afspraken te controleren".</summary>
    Afspraak = 3,
}
