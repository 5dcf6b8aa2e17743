namespace KenJeKlant.Abstractions.Klanten;

/// <summary>
/// What a command is about does not exist (a campaign, a signal, a gesprek). Grains throw it instead of
/// callers asking first whether it exists (a second round trip); the API turns it into 404 problem details.
/// </summary>
[GenerateSerializer, Alias("kjk.NietGevondenException")]
public sealed class NietGevondenException(string melding) : Exception(melding);
