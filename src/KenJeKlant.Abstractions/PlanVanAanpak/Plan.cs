namespace KenJeKlant.Abstractions.PlanVanAanpak;

/// <summary>
/// One version of a client's plan van aanpak: the goal and the afspraken as agreed then, who set it and when.
/// Each change of the plan is a new version; earlier versions stay readable as they were.
/// </summary>
[GenerateSerializer, Alias("kjk.PlanVanAanpak.Plan")]
public sealed record Plan
{
    [Id(0)] public required string Klantnummer { get; init; }
    [Id(1)] public required int Versie { get; init; }
    [Id(2)] public required string Doel { get; init; }
    [Id(3)] public required string VastgesteldDoor { get; init; }
    [Id(4)] public required DateTimeOffset VastgesteldOp { get; init; }
    /// <summary>The afspraken in this version, in the order they were given.</summary>
    [Id(5)] public IReadOnlyList<Afspraak> Afspraken { get; init; } = [];
    /// <summary>Every version of this client's plan, newest first (who and when; read one with its number).</summary>
    [Id(6)] public IReadOnlyList<PlanVersie> Versies { get; init; } = [];
}

/// <summary>A version of the plan in the list of versions.</summary>
[GenerateSerializer, Alias("kjk.PlanVersie")]
public sealed record PlanVersie(
    [property: Id(0)] int Versie,
    [property: Id(1)] string VastgesteldDoor,
    [property: Id(2)] DateTimeOffset VastgesteldOp);

/// <summary>
/// One afspraak: what, who does it, by when, about which leefdomein, and where it stands. Its id stays the same
/// across versions of the plan as long as it is sent back with that id.
/// </summary>
[GenerateSerializer, Alias("kjk.Afspraak")]
public sealed record Afspraak
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required string Omschrijving { get; init; }
    [Id(2)] public required AfspraakWie Wie { get; init; }
    [Id(3)] public string? Partner { get; init; }
    [Id(4)] public required DateOnly Deadline { get; init; }
    [Id(5)] public string? Leefdomein { get; init; }
    [Id(6)] public AfspraakStatus Status { get; init; }
    /// <summary>Who closed it, when and why; null while it is open.</summary>
    [Id(7)] public AfspraakAfronding? Afronding { get; init; }

    /// <summary>The same agreement: content equal (id and status aside).</summary>
    public bool ZelfdeInhoud(Afspraak ander) =>
        ander is not null && Omschrijving == ander.Omschrijving && Wie == ander.Wie && Partner == ander.Partner
        && Deadline == ander.Deadline && Leefdomein == ander.Leefdomein;
}

[GenerateSerializer, Alias("kjk.AfspraakAfronding")]
public sealed record AfspraakAfronding(
    [property: Id(0)] string? Toelichting,
    [property: Id(1)] string Door,
    [property: Id(2)] DateTimeOffset Op);

/// <summary>Who carries out an afspraak.</summary>
[GenerateSerializer, Alias("kjk.AfspraakWie")]
public enum AfspraakWie
{
    Klant = 0,
    Klantmanager = 1,
    /// <summary>A partner of the gemeente (named in <see cref="Afspraak.Partner"/>, from the policy's list).</summary>
    Partner = 2,
}

[GenerateSerializer, Alias("kjk.AfspraakStatus")]
public enum AfspraakStatus
{
    Open = 0,
    Nagekomen = 1,
    /// <summary>Information for the klantmanager, never a sanction or a handhavingssignaal by itself.</summary>
    NietNagekomen = 2,
    Vervallen = 3,
}
