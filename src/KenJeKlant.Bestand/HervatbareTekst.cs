namespace KenJeKlant.Bestand;

/// <summary>
/// The text as CsvHelper reads it, with the part it may still need kept aside, so that reading can start
/// again at a later line. CsvHelper refuses a record longer than its limit (that keeps memory flat when a
/// quote is never closed) and cannot read on after it; <see cref="CsvRecordLezer"/> then starts a new
/// CsvHelper reader at the line after the refused record's first line. CsvHelper reads ahead in blocks, so
/// that line may already have been handed out: everything from the last record it returned onwards stays
/// here. That is no more than CsvHelper's own buffer holds, so this too stays flat.
/// Line breaks are counted as CsvHelper counts them: CR, LF and CR LF each once.
/// </summary>
internal sealed class HervatbareTekst(TextReader bron) : TextReader
{
    private const int BlokGrootte = 64 * 1024;

    // _venster[.._lengte] is the text from the start of line _eersteRegel; [.._uitgegeven] has been handed out.
    private char[] _venster = new char[4 * BlokGrootte];
    private int _lengte;
    private int _uitgegeven;
    private int _eersteRegel = 1;
    private int _bewaarVanaf = 1;
    private bool _einde;

    /// <summary>The lines before <paramref name="regel"/> are no longer needed: a record starting there was returned.</summary>
    public void BewaarVanaf(int regel) => _bewaarVanaf = regel;

    /// <summary>
    /// Hands out the text again from the start of line <paramref name="regel"/> (a later line than the last
    /// record returned), reading on through the source if that line has not been reached yet.
    /// </summary>
    public async Task HervatOpRegelAsync(int regel, CancellationToken ct)
    {
        var huidige = _eersteRegel;
        var naCr = false;
        int begin;
        while ((begin = ZoekRegelbegin(ref huidige, ref naCr, regel)) < 0)
        {
            // All of it lies before that line.
            _lengte = 0;
            if (_einde)
            {
                begin = 0;
                break;
            }
            Ontvang(await bron.ReadAsync(_venster.AsMemory(), ct).ConfigureAwait(false));
        }

        Verwijder(begin);
        _uitgegeven = 0;
        _eersteRegel = regel;
        _bewaarVanaf = regel;
    }

    public override int Read(Span<char> buffer)
    {
        if (_uitgegeven == _lengte && !_einde)
        {
            MaakRuimte();
            Ontvang(bron.Read(_venster.AsSpan(_lengte)));
        }
        return GeefUit(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        if (_uitgegeven == _lengte && !_einde)
        {
            MaakRuimte();
            Ontvang(await bron.ReadAsync(_venster.AsMemory(_lengte), cancellationToken).ConfigureAwait(false));
        }
        return GeefUit(buffer.Span);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        ReadAsync(buffer.AsMemory(index, count)).AsTask();

    public override int Read()
    {
        Span<char> teken = stackalloc char[1];
        return Read(teken) == 1 ? teken[0] : -1;
    }

    public override int Peek()
    {
        if (_uitgegeven == _lengte && !_einde)
        {
            MaakRuimte();
            Ontvang(bron.Read(_venster.AsSpan(_lengte)));
        }
        return _uitgegeven < _lengte ? _venster[_uitgegeven] : -1;
    }

    private int GeefUit(Span<char> doel)
    {
        var aantal = Math.Min(doel.Length, _lengte - _uitgegeven);
        _venster.AsSpan(_uitgegeven, aantal).CopyTo(doel);
        _uitgegeven += aantal;
        return aantal;
    }

    private void Ontvang(int gelezen)
    {
        _lengte += gelezen;
        _einde = gelezen == 0;
    }

    /// <summary>Room for a block: first by dropping the lines no longer needed, else by growing.</summary>
    private void MaakRuimte()
    {
        if (_venster.Length - _lengte >= BlokGrootte)
        {
            return;
        }

        var huidige = _eersteRegel;
        var naCr = false;
        var begin = ZoekRegelbegin(ref huidige, ref naCr, _bewaarVanaf);
        if (begin > 0 && begin <= _uitgegeven)
        {
            Verwijder(begin);
            _uitgegeven -= begin;
            _eersteRegel = _bewaarVanaf;
        }
        if (_venster.Length - _lengte < BlokGrootte)
        {
            Array.Resize(ref _venster, _venster.Length * 2);
        }
    }

    /// <summary>
    /// Where line <paramref name="regel"/> starts in the window, counting on from <paramref name="huidige"/>;
    /// -1 when the window ends first (also right after a CR, whose LF may still come).
    /// </summary>
    private int ZoekRegelbegin(ref int huidige, ref bool naCr, int regel)
    {
        for (var i = 0; i < _lengte; i++)
        {
            var teken = _venster[i];
            if (huidige >= regel && !(naCr && teken == '\n'))
            {
                return i;
            }
            if (teken == '\r' || (teken == '\n' && !naCr))
            {
                huidige++;
            }
            naCr = teken == '\r';
        }
        return -1;
    }

    private void Verwijder(int aantal)
    {
        _venster.AsSpan(aantal, _lengte - aantal).CopyTo(_venster);
        _lengte -= aantal;
    }
}
