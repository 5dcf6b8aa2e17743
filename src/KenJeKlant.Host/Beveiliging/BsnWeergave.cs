namespace KenJeKlant.Host.Beveiliging;

/// <summary>
/// A dossier shows the BSN masked; the full number only on its own request (<c>GET …/bsn</c>), which is
/// logged as its own processing — a klantmanager needs it now and then (a form for another agency),
/// not on every look at a dossier.
/// </summary>
public static class BsnWeergave
{
    public static string? Maskeer(string? bsn) => bsn is { Length: > 3 } ? new string('*', bsn.Length - 3) + bsn[^3..] : bsn;
}
