namespace KenJeKlant.Abstractions.Handhaving;

// The choices a handhaving review records. Numbers are fixed: grain state stores them.

/// <summary>Where a signal stands: open (nobody has it yet), in behandeling, besloten.</summary>
[GenerateSerializer, Alias("kjk.SignaalStatus")]
public enum SignaalStatus
{
    Open = 0,
    InBehandeling = 1,
    Besloten = 2,
}

/// <summary>How the behandelaar tried to reach the client.</summary>
[GenerateSerializer, Alias("kjk.Contactkanaal")]
public enum Contactkanaal
{
    Telefoon = 0,
    Brief = 1,
    Email = 2,
    Huisbezoek = 3,
    Balie = 4,
}

/// <summary>How the client was heard before a decision (hoor en wederhoor).</summary>
[GenerateSerializer, Alias("kjk.ZienswijzeSoort")]
public enum ZienswijzeSoort
{
    Mondeling = 0,
    Schriftelijk = 1,
    /// <summary>The client was given the chance but did not react within the zienswijzetermijn.</summary>
    GeenReactie = 2,
}

/// <summary>Whether the client can be blamed for not coming (art. 18 Participatiewet).</summary>
[GenerateSerializer, Alias("kjk.Verwijtbaarheid")]
public enum Verwijtbaarheid
{
    Verwijtbaar = 0,
    VerminderdVerwijtbaar = 1,
    NietVerwijtbaar = 2,
}

/// <summary>
/// What follows a signal. <see cref="Rechtmatigheidsonderzoek"/> is no sanction: it hands the doubt
/// about the right to benefit (art. 17/54) to a separate investigation, apart from re-integratie.
/// </summary>
[GenerateSerializer, Alias("kjk.BesluitSoort")]
public enum BesluitSoort
{
    GeenMaatregel = 0,
    Waarschuwing = 1,
    VoorstelMaatregel = 2,
    Rechtmatigheidsonderzoek = 3,
}
