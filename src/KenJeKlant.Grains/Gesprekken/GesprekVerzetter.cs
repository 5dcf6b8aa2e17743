using KenJeKlant.Abstractions.Campagnes;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Grains.Campagnes;

namespace KenJeKlant.Grains.Gesprekken;

/// <summary>
/// Moving a gesprek to a new moment, for a campaign's and a klantmanager's own alike. A client who had their
/// invitation gets a verzetbrief now (it is the invitation for the new moment; a herinnering follows as usual);
/// a client who had not been invited yet never knew the old moment: the planned invitation is withdrawn and
/// one for the new moment planned. A move is never a no-show, whoever asked for it. Pure.
/// </summary>
public static class GesprekVerzetter
{
    public sealed record Verzetting(GesprekRij Na, IReadOnlyList<BerichtRij> Berichten);

    /// <summary>Whether this gesprek may still be moved; throws 409 saying why not.</summary>
    public static void ControleerVerzetbaar(GesprekRij rij, DateTimeOffset nu, int maximaalVerzetten)
    {
        ArgumentNullException.ThrowIfNull(rij);
        if (!rij.IsOpen)
            throw new OvergangGeweigerdException($"Dit gesprek is {EnumNaam(rij.Status)}; alleen een gesprek dat nog komt kan worden verzet.");
        if (rij.Start <= nu)
            throw new OvergangGeweigerdException("Het moment van dit gesprek is al voorbij; leg de uitkomst vast (bijvoorbeeld: afgemeld) en plan een nieuw gesprek.");
        if (rij.VerzetAantal >= maximaalVerzetten)
            throw new OvergangGeweigerdException(
                $"Dit gesprek is al {rij.VerzetAantal} keer verzet; vaker dan {maximaalVerzetten} keer kan niet. Houd het gesprek, of leg vast dat het niet doorgaat en plan een nieuw.",
                "nieuwMoment");
    }

    public static Verzetting Verzet(GesprekRij rij, Moment nieuw, VerzetVerzoek opVerzoekVan, string reden, DateTimeOffset nu, int uitnodigingDagenVooraf)
    {
        ArgumentNullException.ThrowIfNull(rij);
        var basis = rij.Volgende() with
        {
            Start = nieuw.Start,
            Eind = nieuw.Eind,
            VerzetAantal = rij.VerzetAantal + 1,
            VerzetOpVerzoekVan = opVerzoekVan,
            VerzetReden = reden.Trim(),
            ZonderUitkomstGemeld = false,
            HerinneringVerzondenOp = null,
        };
        if (rij.UitnodigingVerzondenOp is null)
        {
            var uitnodigingOp = nieuw.Start.AddDays(-uitnodigingDagenVooraf);
            var na = basis with { Status = GesprekStatus.Gepland, UitnodigingOp = uitnodigingOp < nu ? nu : uitnodigingOp };
            return new(na, [
                Tijdstappen.Bericht(rij, BerichtSoort.Uitnodiging, rij.UitnodigingOp, BerichtStatus.Ingetrokken),
                Tijdstappen.Bericht(na, BerichtSoort.Uitnodiging, na.UitnodigingOp, BerichtStatus.Gepland),
            ]);
        }
        var verzet = basis with { Status = GesprekStatus.Uitgenodigd, UitnodigingVerzondenOp = nu };
        return new(verzet, [Tijdstappen.Bericht(verzet, BerichtSoort.Verzetting, nu, BerichtStatus.Verzonden)]);
    }

    private static string EnumNaam(GesprekStatus status) => status switch
    {
        GesprekStatus.Gehouden => "gehouden",
        GesprekStatus.NietVerschenen => "voorbij (niet verschenen)",
        GesprekStatus.Geannuleerd => "ingetrokken",
        _ => status.ToString().ToLowerInvariant(),
    };
}
