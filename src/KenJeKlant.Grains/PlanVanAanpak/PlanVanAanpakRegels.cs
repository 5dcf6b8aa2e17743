using System.Globalization;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.PlanVanAanpak;
using KenJeKlant.Grains.Beleid;

namespace KenJeKlant.Grains.PlanVanAanpak;

/// <summary>
/// The rules of a plan van aanpak, checked once, where the plan is (its grain): what a new version may say and how
/// an afspraak is closed. A request's shape (a doel, an omschrijving, a partner when a partner does it) is checked
/// on the request before; these are the rules that need the current plan, the date or the gemeente's lists.
/// </summary>
/// <remarks>
/// Which afspraak is which: an afspraak sent with the id of one in the current plan is that afspraak — it keeps
/// its id and its status; without an id it is new and gets one. A version is the whole plan: an afspraak of the
/// current plan that is not sent leaves the plan (it stays in the earlier versions as it was). Only an open
/// afspraak can change; a closed one may be sent back unchanged (or left out), never changed (409). A deadline
/// in the past is refused for a new afspraak and for a changed deadline; an afspraak whose deadline passed and
/// is sent back with that same deadline is kept, so the rest of the plan can still be changed.
/// </remarks>
public static class PlanVanAanpakRegels
{
    private const string Titel = "Het plan van aanpak is niet volledig of niet juist";

    /// <summary>The new version <paramref name="invoer"/> makes of <paramref name="huidig"/> (null: the first), or a refusal.</summary>
    public static PlanWijziging StelVast(
        string klantnummer, Plan? huidig, PlanInvoer invoer, DateOnly vandaag, DateTimeOffset nu,
        PlanVanAanpakBeleid beleid, Func<Guid> nieuwId)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(beleid);
        ArgumentNullException.ThrowIfNull(nieuwId);
        var bestaand = (huidig?.Afspraken ?? []).ToDictionary(a => a.Id);
        var fouten = new List<Veldfout>();
        var gezien = new HashSet<Guid>();
        var afspraken = new List<Afspraak>();
        var nieuweRijen = new List<Afspraak>();
        (string Veld, string Reden)? geweigerd = null;
        for (var i = 0; i < invoer.Afspraken.Count; i++)
        {
            var a = invoer.Afspraken[i];
            var pad = $"afspraken[{i}]";
            Afspraak? was = null;
            if (a.Id is { } id)
            {
                if (!gezien.Add(id)) fouten.Add(new($"{pad}.id", $"Afspraak {id} staat twee keer in het plan."));
                else if (!bestaand.TryGetValue(id, out was))
                    fouten.Add(new($"{pad}.id", $"Afspraak {id} staat niet in het huidige plan van deze klant. Laat id weg voor een nieuwe afspraak."));
            }
            var partner = Leeg(a.Partner);
            if (partner is not null)
            {
                partner = PlanVanAanpakBeleid.Zoek(beleid.Partners, partner);
                if (partner is null) fouten.Add(new($"{pad}.partner", $"Onbekende partner '{a.Partner!.Trim()}'. Kies uit: {string.Join(", ", beleid.Partners)}."));
            }
            var leefdomein = Leeg(a.Leefdomein);
            if (leefdomein is not null)
            {
                leefdomein = PlanVanAanpakBeleid.Zoek(beleid.Leefdomeinen, leefdomein);
                if (leefdomein is null) fouten.Add(new($"{pad}.leefdomein", $"Onbekend leefdomein '{a.Leefdomein!.Trim()}'. Kies uit: {string.Join(", ", beleid.Leefdomeinen)}."));
            }
            if (a.Deadline < vandaag && a.Deadline != was?.Deadline)
                fouten.Add(new($"{pad}.deadline", $"De deadline {Datum(a.Deadline)} ligt in het verleden. Kies vandaag ({Datum(vandaag)}) of later."));

            var nieuw = new Afspraak
            {
                Id = was?.Id ?? nieuwId(),
                Omschrijving = a.Omschrijving.Trim(),
                Wie = a.Wie,
                Partner = a.Wie == AfspraakWie.Partner ? partner : null,
                Deadline = a.Deadline,
                Leefdomein = leefdomein,
                Status = was?.Status ?? AfspraakStatus.Open,
                Afronding = was?.Afronding,
            };
            if (was is null) nieuweRijen.Add(nieuw);
            else if (!was.ZelfdeInhoud(nieuw))
            {
                if (was.Status != AfspraakStatus.Open)
                    geweigerd ??= ($"{pad}.{EersteVerschil(was, nieuw)}",
                        $"Afspraak '{was.Omschrijving}' is al afgerond ({StatusTekst(was.Status)}) en kan niet meer veranderen. Stuur haar ongewijzigd mee, of laat haar weg.");
                else nieuweRijen.Add(nieuw);
            }
            afspraken.Add(nieuw);
        }
        fouten.Weiger(Titel);
        if (geweigerd is { } g) throw new OvergangGeweigerdException(g.Reden, g.Veld);

        var versie = (huidig?.Versie ?? 0) + 1;
        var plan = new Plan
        {
            Klantnummer = klantnummer,
            Versie = versie,
            Doel = invoer.Doel.Trim(),
            VastgesteldDoor = invoer.Door,
            VastgesteldOp = nu,
            Afspraken = Geordend(afspraken),
            Versies = [new PlanVersie(versie, invoer.Door, nu), .. huidig?.Versies ?? []],
        };
        // A row ends when its afspraak changed (a new row starts) or was left out of the new version.
        var beeindigd = bestaand.Keys.Where(id => !afspraken.Any(a => a.Id == id) || nieuweRijen.Any(r => r.Id == id)).ToList();
        return new PlanWijziging(plan, nieuweRijen, beeindigd);
    }

    /// <summary>The plan with afspraak <paramref name="afspraakId"/> closed, and that afspraak; or a refusal.</summary>
    public static (Plan Plan, Afspraak Afspraak) RondAf(Plan? huidig, Guid afspraakId, AfrondingInvoer afronding, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(afronding);
        var afspraak = huidig?.Afspraken.FirstOrDefault(a => a.Id == afspraakId)
            ?? throw new NietGevondenException($"Afspraak {afspraakId} staat niet in het huidige plan van aanpak van deze klant.");
        if (afronding.Status == AfspraakStatus.Open)
            throw new OngeldigeInvoerException(Titel, new Dictionary<string, string[]>
            {
                ["status"] = ["Rond af als nagekomen, niet-nagekomen of vervallen."],
            });
        if (afspraak.Status != AfspraakStatus.Open)
            throw new OvergangGeweigerdException(
                $"Afspraak '{afspraak.Omschrijving}' is al afgerond ({StatusTekst(afspraak.Status)}, {afspraak.Afronding?.Op.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)} door {afspraak.Afronding?.Door}) en kan niet meer veranderen.",
                "status");
        var toelichting = Leeg(afronding.Toelichting);
        var afgerond = afspraak with { Status = afronding.Status, Afronding = new AfspraakAfronding(toelichting, afronding.Door, nu) };
        return (huidig! with { Afspraken = [.. huidig.Afspraken.Select(a => a.Id == afspraakId ? afgerond : a)] }, afgerond);
    }

    /// <summary>What closing with <paramref name="status"/> means, for the klantmanager: never a sanction by itself.</summary>
    public static string Melding(AfspraakStatus status) => status switch
    {
        AfspraakStatus.NietNagekomen =>
            "De afspraak is vastgelegd als niet nagekomen. Dit is informatie voor u als klantmanager: er is geen handhavingssignaal, " +
            "maatregel of ander gevolg gemaakt. Bespreek het met de klant; of de handhavingsroute nodig is, beslist u zelf.",
        AfspraakStatus.Nagekomen => "De afspraak is vastgelegd als nagekomen.",
        AfspraakStatus.Vervallen => "De afspraak is vastgelegd als vervallen.",
        _ => "",
    };

    /// <summary>How a plan lists its afspraken: by deadline, then by what they say (one order everywhere).</summary>
    public static IReadOnlyList<Afspraak> Geordend(IEnumerable<Afspraak> afspraken) =>
        [.. afspraken.OrderBy(a => a.Deadline).ThenBy(a => a.Omschrijving, StringComparer.Ordinal).ThenBy(a => a.Id)];

    public static string StatusTekst(AfspraakStatus status) => status switch
    {
        AfspraakStatus.Open => "open",
        AfspraakStatus.Nagekomen => "nagekomen",
        AfspraakStatus.NietNagekomen => "niet nagekomen",
        _ => "vervallen",
    };

    private static string EersteVerschil(Afspraak was, Afspraak nieuw) =>
        was.Omschrijving != nieuw.Omschrijving ? "omschrijving"
        : was.Wie != nieuw.Wie ? "wie"
        : was.Partner != nieuw.Partner ? "partner"
        : was.Deadline != nieuw.Deadline ? "deadline"
        : "leefdomein";

    private static string Datum(DateOnly datum) => datum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string? Leeg(string? tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}
