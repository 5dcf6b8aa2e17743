namespace KenJeKlant.Abstractions.Campagnes;

/// <summary>concept → actief → gepauzeerd ↔ actief → afgerond / geannuleerd.</summary>
[GenerateSerializer, Alias("kjk.CampagneStatus")]
public enum CampagneStatus
{
    Concept = 0,
    Actief = 1,
    Gepauzeerd = 2,
    Afgerond = 3,
    Geannuleerd = 4,
}
