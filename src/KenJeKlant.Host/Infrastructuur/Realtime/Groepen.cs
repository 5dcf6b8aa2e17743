using System.Globalization;

namespace KenJeKlant.Host.Infrastructuur.Realtime;

/// <summary>SignalR group names: one group per thing a dashboard follows.</summary>
public static class Groepen
{
    public static string Campagne(string campagneId) => string.Create(CultureInfo.InvariantCulture, $"campagne:{campagneId}");

    /// <summary>Everyone following the handhaving queue: one group, the queue is one list.</summary>
    public const string Handhaving = "handhaving";

    public static string BestandImport(string importId) => string.Create(CultureInfo.InvariantCulture, $"bestand-import:{importId}");

    public static string Werklijst(string klantmanager) => string.Create(CultureInfo.InvariantCulture, $"werklijst:{klantmanager}");
}
