using KenJeKlant.Abstractions.Klanten;

namespace KenJeKlant.Host.Bestand;

/// <summary>Thread-safe counts while rows are applied in parallel.</summary>
internal sealed class ImportTellers
{
    private int _nieuw, _gewijzigd, _ongewijzigd, _terug, _uit;

    public int Nieuw => _nieuw;
    public int Gewijzigd => _gewijzigd;
    public int Ongewijzigd => _ongewijzigd;
    public int TerugInBestand => _terug;
    public int UitBestand => _uit;

    public void Tel(ImportEffect effect)
    {
        switch (effect)
        {
            case ImportEffect.Nieuw: Interlocked.Increment(ref _nieuw); break;
            case ImportEffect.Gewijzigd: Interlocked.Increment(ref _gewijzigd); break;
            case ImportEffect.Ongewijzigd: Interlocked.Increment(ref _ongewijzigd); break;
            case ImportEffect.TerugInBestand: Interlocked.Increment(ref _terug); break;
        }
    }

    public void TelUitBestand(int aantal) => Interlocked.Add(ref _uit, aantal);
}
