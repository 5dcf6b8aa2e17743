using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Host.Bewaartermijnen;

/// <summary>
/// How many years after uitstroom each kind of personal data is kept (decision 32). The defaults follow what Dutch
/// gemeenten commonly keep for Participatiewet dossiers (the selectielijst's ten years after the benefit ends for the
/// dossier and for handhaving, where terugvordering can still follow; five years for re-integratie work such as
/// gesprekken and the plan van aanpak). The gemeente's archivist decides; this only makes it configurable.
/// </summary>
public sealed class BewaartermijnenInstellingen
{
    public const string Sectie = "Bewaartermijnen";

    [Range(1, 100)] public int DossierJaren { get; set; } = 10;
    [Range(1, 100)] public int GesprekkenJaren { get; set; } = 5;
    [Range(1, 100)] public int PlanVanAanpakJaren { get; set; } = 5;
    [Range(1, 100)] public int HandhavingJaren { get; set; } = 10;
    /// <summary>Reported only: the hash-chained audit log is never rewritten (it holds klantnummers, not names).</summary>
    [Range(1, 100)] public int AuditlogJaren { get; set; } = 10;

    /// <summary>The kinds the uitvoering anonymises, with their terms, by the text the table stores.</summary>
    public IReadOnlyList<(string Soort, int Jaren)> Soorten() =>
        [("dossier", DossierJaren), ("gesprekken", GesprekkenJaren), ("plan-van-aanpak", PlanVanAanpakJaren), ("handhaving", HandhavingJaren)];
}
