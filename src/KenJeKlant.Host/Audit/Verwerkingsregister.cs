namespace KenJeKlant.Host.Audit;

/// <summary>
/// One processing activity of the register (AVG art. 30): a stable id that audit entries refer to, what it is for, on
/// which legal ground, and the handelingen (the <see cref="Verwerking"/> names endpoints and hubs log) that belong to it.
/// </summary>
public sealed record Verwerkingsactiviteit(string Id, string Naam, string Doel, string Grondslag, IReadOnlyList<string> Handelingen);

/// <summary>
/// The verwerkingsregister of KenJeKlant, in one place (Logboek Dataverwerkingen: every entry names its activity by a
/// stable id). Ids never change or get reused; a new kind of handeling joins an activity here, and a test fails for an
/// endpoint whose handeling is in no activity. Served at <c>GET /api/v1/verwerkingsactiviteiten</c>.
/// </summary>
public static class Verwerkingsregister
{
    private const string Participatiewet = "Participatiewet (art. 7, 9, 44a) en AVG art. 6 lid 1 onder e: publieke taak";

    public static IReadOnlyList<Verwerkingsactiviteit> Alle { get; } =
    [
        new("KJK-VA-01", "Klantenbestand bijhouden", "Het bestand van klanten met een uitkering gelijk houden aan het uitkeringssysteem.", Participatiewet,
            ["bestand importeren", "bestand importeren afbreken", "importrapport inzien", "peildatum vastleggen"]),
        new("KJK-VA-02", "Klantbeeld en traject", "Weten wie de klant is en wat hij nodig heeft: indeling, trede, route, herbeoordeling.", Participatiewet,
            ["klantdossier inzien", "klantenlijst inzien", "BSN inzien", "traject vastleggen", "herbeoordeling afspreken", "herbeoordelingen herplannen", "werklijst inzien"]),
        new("KJK-VA-03", "Gesprekken en uitnodigingen", "Participatie-, herbeoordelings- en voortgangsgesprekken plannen, houden en vastleggen.", Participatiewet,
            ["gesprek plannen", "gesprek verzetten", "participatiegesprek vastleggen", "agenda inzien", "agenda downloaden", "brieven samenvoegen", "brief inzien", "campagne"]),
        new("KJK-VA-04", "Plan van aanpak", "Afspraken met de klant vastleggen en opvolgen.", "Participatiewet art. 44a en AVG art. 6 lid 1 onder e",
            ["plan van aanpak inzien", "plan van aanpak vaststellen", "plan van aanpak afdrukken", "afspraak afronden"]),
        new("KJK-VA-05", "Handhaving re-integratieverplichtingen", "Signalen van niet verschijnen beoordelen, horen en besluiten (door een mens).", "Participatiewet art. 18 en AVG art. 6 lid 1 onder e",
            ["handhavingssignalen inzien", "handhavingszaak inzien", "handhavingszaak behandelen", "handhavingsbrief inzien", "handhavingsbrief versturen"]),
        new("KJK-VA-06", "Rechtmatigheid", "Een twijfel aan het recht op uitkering onderzoeken en de klant horen.", "Participatiewet art. 17 en 54 en AVG art. 6 lid 1 onder e",
            ["rechtmatigheidssignaal melden", "rechtmatigheidssignalen inzien", "rechtmatigheidszaak inzien", "rechtmatigheidszaak behandelen", "rechtmatigheidsoproep inzien"]),
        new("KJK-VA-07", "Sturing en verantwoording", "Aantallen voor programmaleiding, college en raad (geen persoonsgegevens in de uitkomst).", "Participatiewet art. 47 (verantwoording) en AVG art. 89",
            ["rapportage opvragen", "doelen inzien", "doel zetten"]),
        new("KJK-VA-08", "Toegang en beveiliging", "Medewerkers, rollen en wie wat deed (BIO 8.15).", "AVG art. 32 (beveiliging)",
            ["gebruiker beheren", "gebruikers beheren", "medewerker beheren", "medewerkers inzien", "auditlog inzien", "inloggen via de gemeente geweigerd"]),
        new("KJK-VA-09", "Rechten van de klant en bewaartermijnen", "Inzage geven (AVG art. 15) en gegevens na de bewaartermijn anonimiseren.", "AVG art. 5 lid 1 onder e, art. 15 en Archiefwet",
            ["inzageverzoek behandelen", "bewaartermijnen voorstel", "bewaartermijn uitvoeren"]),
    ];

    private static readonly Dictionary<string, Verwerkingsactiviteit> PerHandeling =
        Alle.SelectMany(a => a.Handelingen.Select(h => (h, a))).ToDictionary(p => p.h, p => p.a, StringComparer.Ordinal);

    /// <summary>The activity a logged handeling belongs to; "x: geweigerd, …" counts as x.</summary>
    public static Verwerkingsactiviteit? Van(string handeling)
    {
        ArgumentNullException.ThrowIfNull(handeling);
        if (PerHandeling.TryGetValue(handeling, out var a)) return a;
        var dubbelepunt = handeling.IndexOf(':', StringComparison.Ordinal);
        return dubbelepunt > 0 && PerHandeling.TryGetValue(handeling[..dubbelepunt], out var b) ? b : null;
    }

    public static string? IdVan(string handeling) => Van(handeling)?.Id;
}
