using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Grains.Gesprekken;

/// <summary>What a klantmanager's agenda holds at the moment a booking is checked: working time, absences and every booked gesprek.</summary>
/// <param name="Geboekt">Open gesprekken of every kind (campaigns' and own), but for the one being moved.</param>
/// <param name="Vroegst">The earliest moment a letter can still reach the client (the invitation lead time).</param>
public sealed record AgendaStand(
    Werktijden Werktijden,
    IReadOnlyCollection<Moment> Geboekt,
    IReadOnlyCollection<(DateOnly Van, DateOnly Tot)> Afwezig,
    DateTimeOffset Nu,
    DateTimeOffset Vroegst,
    TimeZoneInfo Zone);

/// <summary>
/// Whether a gesprek can go at a moment in a klantmanager's agenda. A moment that can never be right — in the
/// past, or too soon for the letter to arrive — is invalid input (400, saying the earliest possible); a moment
/// the agenda does not allow — outside working hours, a feestdag, an absence, a clash — is refused (409). Both
/// name the field. Pure: booking and moving, campaign or own, use the same checks.
/// </summary>
public static class AgendaRegels
{
    public static void Controleer(Moment gevraagd, string veld, AgendaStand agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var zone = agenda.Zone;
        if (gevraagd.Eind <= gevraagd.Start)
            Weiger400(veld, "Een gesprek duurt langer dan nul minuten.");
        if (gevraagd.Start <= agenda.Nu)
            Weiger400(veld, $"{Tekst(gevraagd.Start, zone)} ligt in het verleden; het vroegst mogelijke moment is {Tekst(agenda.Vroegst, zone)}.");
        if (gevraagd.Start < agenda.Vroegst)
            Weiger400(veld, $"{Tekst(gevraagd.Start, zone)} is te kort dag: de brief moet de klant eerst bereiken. Het vroegst mogelijke moment is {Tekst(agenda.Vroegst, zone)}.");

        var start = TimeZoneInfo.ConvertTime(gevraagd.Start, zone);
        var eind = TimeZoneInfo.ConvertTime(gevraagd.Eind, zone);
        var dag = DateOnly.FromDateTime(start.DateTime);
        var w = agenda.Werktijden;
        if (!w.Werkdagen.Contains(dag.DayOfWeek))
            throw new OvergangGeweigerdException($"Op {start:dddd dd-MM-yyyy} worden geen gesprekken gehouden (geen werkdag).", veld);
        if (w.Feestdagen.Contains(dag))
            throw new OvergangGeweigerdException($"{start:dd-MM-yyyy} is een feestdag; kies een andere dag.", veld);
        if (DateOnly.FromDateTime(eind.DateTime) != dag || TimeOnly.FromDateTime(start.DateTime) < w.Begintijd || TimeOnly.FromDateTime(eind.DateTime) > w.Eindtijd)
            throw new OvergangGeweigerdException($"Het gesprek valt buiten de werktijden ({w.Begintijd:HH\\:mm}–{w.Eindtijd:HH\\:mm}).", veld);
        if (agenda.Afwezig.Any(a => dag >= a.Van && dag <= a.Tot))
            throw new OvergangGeweigerdException($"De klantmanager is op {start:dd-MM-yyyy} afwezig.", veld);
        if (agenda.Geboekt.Where(gevraagd.Overlapt).OrderBy(m => m.Start).FirstOrDefault() is { Start: var bs, Eind: var be } && be > bs)
            throw new OvergangGeweigerdException(
                $"Er staat al een gesprek van {Tijd(bs, zone)} tot {Tijd(be, zone)} op {TimeZoneInfo.ConvertTime(bs, zone):dd-MM-yyyy}; kies een vrij moment uit de agenda.", veld);
    }

    private static void Weiger400(string veld, string melding) =>
        throw new OngeldigeInvoerException("Het moment kan niet", new Dictionary<string, string[]> { [veld] = [melding] });

    private static string Tekst(DateTimeOffset t, TimeZoneInfo zone) => $"{TimeZoneInfo.ConvertTime(t, zone):dd-MM-yyyy HH:mm}";

    private static string Tijd(DateTimeOffset t, TimeZoneInfo zone) => $"{TimeZoneInfo.ConvertTime(t, zone):HH:mm}";
}
