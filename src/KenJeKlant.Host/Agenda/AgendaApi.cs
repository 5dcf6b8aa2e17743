using System.Text.Json.Serialization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Grains;
using KenJeKlant.Grains.Beleid;
using KenJeKlant.Grains.Gesprekken;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klantmanagers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Agenda;

public static class AgendaApi
{
    public static RouteGroupBuilder MapAgendaApi(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/klantmanagers/{id}").WithTags("Agenda").RequireAuthorization(Toegang.EigenWerklijst);
        groep.MapGet("/agenda", Agenda)
            .WithSummary("De gesprekken (van campagnes en eigen) en de vrije momenten van een klantmanager in een periode (standaard: deze week).")
            .Verwerkt("agenda inzien", AuditActie.Lezen, "agenda");
        groep.MapGet("/agenda.ics", Ics)
            .WithSummary("De eigen gesprekken als iCalendar (.ics) voor Outlook; met klantnummer, zonder naam of andere persoonsgegevens.")
            .Verwerkt("agenda downloaden", AuditActie.Lezen, "agenda");
        return groep;
    }

    private static async Task<Results<Ok<KlantmanagerAgenda>, ValidationProblem, ProblemHttpResult>> Agenda(
        string id, PostgresAgenda agenda, IMedewerkers medewerkers, IOptionsMonitor<CampagneBeleid> beleid, IOptions<AgendaInstellingen> instellingen,
        Domeinklok klok, CancellationToken ct, DateOnly? van = null, DateOnly? tot = null)
    {
        var eerste = van ?? klok.Vandaag;
        var laatste = tot ?? eerste.AddDays(6);
        if (laatste < eerste)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tot"] = ["tot ligt op of na van."] }, title: "Ongeldige periode");
        if (laatste.DayNumber - eerste.DayNumber >= instellingen.Value.MaximaalDagen)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tot"] = [$"Vraag ten hoogste {instellingen.Value.MaximaalDagen} dagen tegelijk."] }, title: "Ongeldige periode");
        if ((await medewerkers.KlantmanagersAsync(ct)).FirstOrDefault(k => k.Id == id) is not { } klantmanager)
            return TypedResults.Problem(statusCode: 404, title: "Klantmanager niet gevonden", detail: $"Geen klantmanager met id {id}.");

        var zone = klok.LocalTimeZone;
        var b = beleid.CurrentValue;
        var werktijden = Werkagenda.Werktijden(b);
        var gesprekken = await agenda.GesprekkenAsync(id, Werkagenda.Tijdstip(eerste, TimeOnly.MinValue, zone), Werkagenda.Tijdstip(laatste.AddDays(1), TimeOnly.MinValue, zone), ct);
        // Absent while someone covers the caseload: no new gesprekken then.
        IReadOnlyCollection<(DateOnly, DateOnly)> afwezig = klantmanager is { Vervanger: not null, VervangenTot: { } totEnMet } ? [(klok.Vandaag, totEnMet)] : [];
        // Nothing can be planned inside the invitation lead time: the letter would not arrive in time.
        var vroegst = Werkagenda.Vroegst(klok.Vandaag, b.UitnodigingMinimaalDagenVooraf, zone);
        var vrij = Werkagenda.VrijeMomenten(werktijden, eerste, laatste, [.. gesprekken.Select(g => new Moment(g.Start, g.Eind))], afwezig, vroegst, zone);
        return TypedResults.Ok(new KlantmanagerAgenda(id, eerste, laatste, vroegst, gesprekken, [.. vrij]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Ics(
        string id, PostgresAgenda agenda, IMedewerkers medewerkers, IOptions<AgendaInstellingen> instellingen, Domeinklok klok, CancellationToken ct)
    {
        if (!(await medewerkers.KlantmanagerIdsAsync(ct)).Contains(id))
            return TypedResults.Problem(statusCode: 404, title: "Klantmanager niet gevonden", detail: $"Geen klantmanager met id {id}.");
        var nu = klok.Nu;
        var gesprekken = await agenda.GesprekkenAsync(id, nu.AddDays(-instellingen.Value.IcsDagenTerug), nu.AddDays(instellingen.Value.IcsDagenVooruit), ct);
        var kalender = new Ical.Net.Calendar { ProductId = "-//KenJeKlant//Agenda//NL" };
        foreach (var g in gesprekken)
        {
            kalender.Events.Add(new CalendarEvent
            {
                // The gesprek's id: a new download updates the same appointment in Outlook instead of adding one.
                Uid = $"{g.GesprekId}@kenjeklant",
                Summary = $"{GesprekBeleid.Titel(g.Soort)} klant {g.Klantnummer}",
                Description = $"{g.CampagneNaam}. Status: {EnumTekst.Van(g.Status)}. Het dossier staat in KenJeKlant.",
                Start = new CalDateTime(g.Start.UtcDateTime),
                End = new CalDateTime(g.Eind.UtcDateTime),
                Status = "CONFIRMED",
            });
        }
        var tekst = new CalendarSerializer().SerializeToString(kalender) ?? "";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(tekst), "text/calendar; charset=utf-8", $"agenda-{id}.ics");
    }
}

/// <summary>A klantmanager's agenda over a period: what is booked and where a gesprek can still go.</summary>
public sealed record KlantmanagerAgenda(
    [property: JsonPropertyName("klantmanager")] string Klantmanager,
    [property: JsonPropertyName("van")] DateOnly Van,
    [property: JsonPropertyName("tot")] DateOnly Tot,
    [property: JsonPropertyName("vroegstMogelijk")] DateTimeOffset VroegstMogelijk,
    [property: JsonPropertyName("geboekt")] IReadOnlyList<AgendaGesprek> Geboekt,
    [property: JsonPropertyName("vrij")] IReadOnlyList<Moment> Vrij);

/// <summary>One booked gesprek in an agenda: which client (klantnummer only), when, and of which campaign.</summary>
public sealed record AgendaGesprek(
    [property: JsonPropertyName("gesprekId")] Guid GesprekId,
    [property: JsonPropertyName("klantnummer")] string Klantnummer,
    [property: JsonPropertyName("start")] DateTimeOffset Start,
    [property: JsonPropertyName("eind")] DateTimeOffset Eind,
    [property: JsonPropertyName("status")] GesprekStatus Status,
    [property: JsonPropertyName("campagneId")] string CampagneId,
    [property: JsonPropertyName("campagneNaam")] string CampagneNaam)
{
    [JsonPropertyName("soort")] public GesprekSoort Soort { get; init; }
    [JsonPropertyName("vorm")] public GesprekVorm Vorm { get; init; }
}
