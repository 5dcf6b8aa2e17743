namespace KenJeKlant.Abstractions.Herbeoordelingen;

[GenerateSerializer, Alias("kjk.HerbeoordelingStatus")]
public enum HerbeoordelingStatus
{
    Gepland = 0,
    /// <summary>The date has come: the klantmanager is prompted.</summary>
    AanDeBeurt = 1,
    /// <summary>The grace period has passed too: the team sees it.</summary>
    TeLaat = 2,
}
