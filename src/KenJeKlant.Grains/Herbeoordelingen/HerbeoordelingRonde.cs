namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>
/// One look of a scanner: the due clients of its buckets, page by page in key order, each brought up to date once,
/// with at most <c>tegelijk</c> calls at a time.
/// </summary>
public sealed class HerbeoordelingRonde(IHerbeoordelingAgenda agenda, int perVraag, int tegelijk)
{
    /// <summary>Calls <paramref name="bijwerken"/> for every client due at <paramref name="nu"/>; returns how many of those calls succeeded.</summary>
    public async Task<int> BijwerkenAsync(IEnumerable<short> vakken, DateTimeOffset nu, Func<string, Task<bool>> bijwerken)
    {
        ArgumentNullException.ThrowIfNull(vakken);
        ArgumentNullException.ThrowIfNull(bijwerken);
        var bijgewerkt = 0;
        // A window, not rounds: a new call starts as soon as one ends, so one slow client does not hold the other
        // calls of its round back, and neither does a page boundary or the next bucket.
        var bezig = new HashSet<Task<bool>>();
        foreach (var vak in vakken)
        {
            await foreach (var klantnummer in TeControlerenAsync(vak, nu))
            {
                if (bezig.Count == tegelijk)
                {
                    var klaar = await Task.WhenAny(bezig);
                    bezig.Remove(klaar);
                    if (await klaar) bijgewerkt++;
                }
                bezig.Add(bijwerken(klantnummer));
            }
        }
        return bijgewerkt + (await Task.WhenAll(bezig)).Count(gelukt => gelukt);
    }

    // One bucket's due clients in key order; the next page is asked for while this one's clients are called. That is
    // the page it would be afterwards: a client brought up to date moves to its next moment, after today, and one that
    // failed stays before the last key; neither is asked again in this look.
    private async IAsyncEnumerable<string> TeControlerenAsync(short vak, DateTimeOffset nu)
    {
        var beurt = await agenda.TeControlerenAsync(vak, nu, null, perVraag);
        while (true)
        {
            var volgende = beurt.Count < perVraag ? null : agenda.TeControlerenAsync(vak, nu, beurt[^1], perVraag);
            foreach (var klant in beurt) yield return klant.Klantnummer;
            if (volgende is null) yield break;
            beurt = await volgende;
        }
    }
}
