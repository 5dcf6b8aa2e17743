using System.Globalization;

namespace KenJeKlant.Host.Hubs;

/// <summary>SignalR group names: one group per thing a dashboard follows.</summary>
public static class Groepen
{
    public static string Campagne(string campagneId) => string.Create(CultureInfo.InvariantCulture, $"campagne:{campagneId}");

    public static string Werklijst(string klantmanager) => string.Create(CultureInfo.InvariantCulture, $"werklijst:{klantmanager}");
}
