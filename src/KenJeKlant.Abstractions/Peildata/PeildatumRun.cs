namespace KenJeKlant.Abstractions.Peildata;

/// <summary>One recorded peildatum: how many clients it covered, how many periods changed, how long it took.</summary>
[GenerateSerializer, Alias("kjk.PeildatumRun")]
public sealed record PeildatumRun(
    [property: Id(0)] DateOnly Peildatum,
    [property: Id(1)] int Klanten,
    [property: Id(2)] int Gewijzigd,
    [property: Id(3)] int DuurMs);
