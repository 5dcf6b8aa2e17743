using System.Text;

namespace KenJeKlant.Bestand;

/// <summary>
/// Reads RFC 4180 records from text, one at a time, so a file of any length uses a fixed buffer.
/// Quoted fields may hold the separator, doubled quotes and line breaks; line breaks are CRLF, LF or
/// a lone CR. Physical lines are counted, so an error can point at the line a spreadsheet shows.
/// Deviations are read leniently (a quote inside an unquoted field, text after a closing quote) because
/// exports from older systems do that; the field validation then judges the value.
/// </summary>
internal sealed class CsvRecordLezer
{
    /// <summary>
    /// Longest record kept. An unclosed quote swallows the rest of the file into one field; the cap
    /// keeps memory flat and turns that into one error instead of an out-of-memory.
    /// </summary>
    internal const int MaxRecordLengte = 64 * 1024;

    private const int BufferGrootte = 64 * 1024;

    private readonly TextReader _lezer;
    private char[] _buffer = new char[BufferGrootte];
    private int _positie;
    private int _lengte;
    private bool _einde;
    private int _regel = 1;
    private bool _vorigeWasCr;

    public CsvRecordLezer(TextReader lezer) => _lezer = lezer;

    /// <summary>Set after <see cref="DetecteerScheidingstekenAsync"/>; records cannot be read before.</summary>
    public char Scheidingsteken { get; private set; }

    /// <summary>
    /// Looks at the first record (not consuming it) and picks ';' or ',' by which occurs more often
    /// outside quotes. Returns null when the first record holds neither (or the file is empty).
    /// </summary>
    public async Task<char?> DetecteerScheidingstekenAsync(CancellationToken ct)
    {
        var (puntkomma, komma) = await TelScheidingstekensInEersteRecordAsync(ct).ConfigureAwait(false);
        if (puntkomma == 0 && komma == 0)
        {
            return null;
        }

        // Ties go to ';': Dutch exports use it because ',' is the decimal separator.
        Scheidingsteken = puntkomma >= komma ? ';' : ',';
        return Scheidingsteken;
    }

    /// <summary>True when nothing but whitespace remains (used to tell an empty file from a bad one).</summary>
    public async Task<bool> IsLeegAsync(CancellationToken ct)
    {
        while (true)
        {
            for (var i = _positie; i < _lengte; i++)
            {
                if (!char.IsWhiteSpace(_buffer[i]) && _buffer[i] != '\uFEFF')
                {
                    return false;
                }
            }
            if (!await VulAanAsync(ct).ConfigureAwait(false))
            {
                return true;
            }
        }
    }

    /// <summary>The next non-blank record, or null at the end of the text.</summary>
    public async Task<CsvRecord?> LeesAsync(CancellationToken ct)
    {
        if (Scheidingsteken == default)
        {
            throw new InvalidOperationException("Bepaal eerst het scheidingsteken.");
        }

        while (true)
        {
            var record = await LeesRecordAsync(ct).ConfigureAwait(false);
            if (record is null || !IsLeeg(record))
            {
                return record;
            }
        }
    }

    // An empty line is one unquoted empty field; spreadsheets leave them at the end of a file.
    private static bool IsLeeg(CsvRecord record) =>
        record.Fout is null && record.Velden.Count == 1 && record.Velden[0].Length == 0;

    private async Task<CsvRecord?> LeesRecordAsync(CancellationToken ct)
    {
        var staat = new RecordOpbouw(_regel);
        while (true)
        {
            if (_positie == _lengte && !await VulAanAsync(ct).ConfigureAwait(false))
            {
                return staat.IsBegonnen ? staat.Sluit(eindeBestand: true) : null;
            }

            var teken = _buffer[_positie++];
            if (IsLfVanCrLf(teken))
            {
                // Same line break as the CR before it: part of the value inside quotes, nothing outside.
                staat.VoegToeAlsAangehaald(teken);
                continue;
            }
            if (staat.Verwerk(teken, Scheidingsteken))
            {
                return staat.Sluit(eindeBestand: false);
            }
        }
    }

    /// <summary>
    /// Counts physical lines. A CR counts as a line break; an LF right after it belongs to the same
    /// break, so CRLF, LF and CR all count once. Returns true for that trailing LF.
    /// </summary>
    private bool IsLfVanCrLf(char teken)
    {
        var vervolg = teken == '\n' && _vorigeWasCr;
        _vorigeWasCr = teken == '\r';
        if (!vervolg && teken is '\r' or '\n')
        {
            _regel++;
        }
        return vervolg;
    }

    private async Task<(int Puntkomma, int Komma)> TelScheidingstekensInEersteRecordAsync(CancellationToken ct)
    {
        var index = _positie;
        var inAanhaling = false;
        var (puntkomma, komma) = (0, 0);
        while (index - _positie < MaxRecordLengte)
        {
            if (index == _lengte && !await VulAanZonderVerbruikenAsync(ct).ConfigureAwait(false))
            {
                break;
            }

            var teken = _buffer[index++];
            if (teken == '"')
            {
                inAanhaling = !inAanhaling;
            }
            else if (!inAanhaling && teken is '\r' or '\n')
            {
                break;
            }
            else if (!inAanhaling)
            {
                puntkomma += teken == ';' ? 1 : 0;
                komma += teken == ',' ? 1 : 0;
            }
        }
        return (puntkomma, komma);
    }

    private async Task<bool> VulAanAsync(CancellationToken ct)
    {
        if (_einde)
        {
            return false;
        }

        _positie = 0;
        _lengte = await _lezer.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
        _einde = _lengte == 0;
        return !_einde;
    }

    /// <summary>Reads more text behind what is buffered, keeping the unread part (for looking ahead).</summary>
    private async Task<bool> VulAanZonderVerbruikenAsync(CancellationToken ct)
    {
        if (_einde)
        {
            return false;
        }

        if (_lengte == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var gelezen = await _lezer.ReadAsync(_buffer.AsMemory(_lengte), ct).ConfigureAwait(false);
        _lengte += gelezen;
        _einde = gelezen == 0;
        return !_einde;
    }

    /// <summary>The state of the record being read; one per record, so nothing leaks between records.</summary>
    private sealed class RecordOpbouw(int regel)
    {
        private readonly List<string> _velden = [];
        private readonly StringBuilder _veld = new();
        private Toestand _toestand = Toestand.VeldBegin;
        private int _lengte;
        private bool _teLang;

        public bool IsBegonnen { get; private set; }

        /// <summary>Feeds one character; returns true when it ends the record.</summary>
        public bool Verwerk(char teken, char scheidingsteken)
        {
            IsBegonnen = true;
            switch (_toestand)
            {
                case Toestand.VeldBegin when teken == '"':
                    _toestand = Toestand.Aanhaling;
                    return false;
                case Toestand.Aanhaling when teken == '"':
                    _toestand = Toestand.AanhalingMisschienDicht;
                    return false;
                case Toestand.Aanhaling:
                    Voeg(teken);
                    return false;
                case Toestand.AanhalingMisschienDicht when teken == '"':
                    // A doubled quote inside quotes is one literal quote.
                    Voeg('"');
                    _toestand = Toestand.Aanhaling;
                    return false;
                default:
                    return VerwerkBuitenAanhaling(teken, scheidingsteken);
            }
        }

        public void VoegToeAlsAangehaald(char teken)
        {
            if (_toestand == Toestand.Aanhaling)
            {
                Voeg(teken);
            }
        }

        private bool VerwerkBuitenAanhaling(char teken, char scheidingsteken)
        {
            if (teken == scheidingsteken)
            {
                SluitVeld();
                _toestand = Toestand.VeldBegin;
                return false;
            }
            if (teken is '\r' or '\n')
            {
                // The CR of a CRLF ends the record; the lezer swallows the LF that follows.
                return true;
            }

            Voeg(teken);
            _toestand = Toestand.Onaangehaald;
            return false;
        }

        public CsvRecord Sluit(bool eindeBestand)
        {
            var openAanhaling = eindeBestand && _toestand == Toestand.Aanhaling;
            SluitVeld();
            var fout = openAanhaling
                ? "Aanhalingsteken wordt niet afgesloten"
                : _teLang ? $"Rij is langer dan {MaxRecordLengte} tekens" : null;
            return new CsvRecord(regel, _velden, fout);
        }

        private void Voeg(char teken)
        {
            if (++_lengte > MaxRecordLengte)
            {
                _teLang = true;
                return;
            }
            _veld.Append(teken);
        }

        private void SluitVeld()
        {
            _velden.Add(_veld.ToString());
            _veld.Clear();
        }

        private enum Toestand
        {
            VeldBegin,
            Onaangehaald,
            Aanhaling,
            AanhalingMisschienDicht,
        }
    }
}
