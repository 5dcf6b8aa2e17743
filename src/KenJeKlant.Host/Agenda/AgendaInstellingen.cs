using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Host.Agenda;

/// <summary>Section <c>Agenda</c>. Working hours, slot length and feestdagen come from the campaign policy (one home).</summary>
public sealed class AgendaInstellingen
{
    public const string Sectie = "Agenda";

    /// <summary>Longest period one agenda request may span.</summary>
    [Range(1, 366)]
    public int MaximaalDagen { get; set; } = 92;

    /// <summary>How far back and ahead the .ics download reaches.</summary>
    [Range(0, 366)]
    public int IcsDagenTerug { get; set; } = 30;

    [Range(1, 732)]
    public int IcsDagenVooruit { get; set; } = 365;
}
