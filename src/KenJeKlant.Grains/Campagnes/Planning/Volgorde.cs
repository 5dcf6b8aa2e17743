namespace KenJeKlant.Grains.Campagnes.Planning;

/// <summary>The order in which clients get the free slots of their klantmanager.</summary>
public enum Volgorde
{
    /// <summary>Never spoken first, then the oldest last gesprek, then the earliest start of the uitkering, then klantnummer.</summary>
    LangstNietGesprokenEerst,

    /// <summary>By klantnummer (ordinal text order).</summary>
    OpKlantnummer,
}
