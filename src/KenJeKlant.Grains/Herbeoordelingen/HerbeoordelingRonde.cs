namespace KenJeKlant.Grains.Herbeoordelingen;

/// <summary>
/// One look of a scanner: the due clients of its buckets, page by page in key order, each brought up to date once,
/// <c>tegelijk</c> calls at a time.
/// </summary>
public sealed class HerbeoordelingRonde(IHerbeoordelingAgenda agenda, int perVraag, int tegelijk)
{
    /// <summary>Calls <paramref name="bijwerken"/> for every client due at <paramref name="nu"/>; returns how many of those calls succeeded.</summary>
    public async Task<int> BijwerkenAsync(short[] vakken, DateTimeOffset nu, Func<string, Task<bool>> bijwerken)
    {
        ArgumentNullException.ThrowIfNull(bijwerken);
        var bijgewerkt = 0;
        TeControleren? na = null;
        while (true)
        {
            // The next page starts after this page's last key: a client brought up to date has moved to its next
            // moment, after today, and one whose call failed stays behind; neither is asked again in this look.
            var beurt = await agenda.TeControlerenAsync(vakken, nu, na, perVraag);
            foreach (var deel in beurt.Chunk(tegelijk))
                bijgewerkt += (await Task.WhenAll(deel.Select(k => bijwerken(k.Klantnummer)))).Count(gelukt => gelukt);
            if (beurt.Count < perVraag) return bijgewerkt;
            na = beurt[^1];
        }
    }
}
