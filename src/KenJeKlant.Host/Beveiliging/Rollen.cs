namespace KenJeKlant.Host.Beveiliging;

/// <summary>The four kinds of people who use KenJeKlant (DOMAIN.md), as role claim values.</summary>
public static class Rollen
{
    public const string Programmaleider = "programmaleider";
    public const string Klantmanager = "klantmanager";
    public const string Handhaving = "handhaving";
    public const string Beheerder = "beheerder";

    public static readonly IReadOnlyList<string> Alle = [Programmaleider, Klantmanager, Handhaving, Beheerder];

    public static bool Bestaat(string rol) => Alle.Contains(rol, StringComparer.Ordinal);
}
