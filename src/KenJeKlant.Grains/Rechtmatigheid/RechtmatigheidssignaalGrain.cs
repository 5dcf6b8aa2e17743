using KenJeKlant.Abstractions.Handhaving;
using KenJeKlant.Abstractions.Klanten;
using KenJeKlant.Abstractions.Rechtmatigheid;

namespace KenJeKlant.Grains.Rechtmatigheid;

/// <summary>
/// One rechtmatigheidssignaal: reads its row, checks a step with <see cref="Rechtmatigheidsregels"/> and writes the
/// row back. One activation takes one step at a time, so two behandelaars cannot both move it on.
/// </summary>
public sealed class RechtmatigheidssignaalGrain(IRechtmatigheidOpslag opslag, Domeinklok klok) : Grain, IRechtmatigheidssignaalGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<Rechtmatigheidszaak?> GetAsync() => opslag.ZaakAsync(Id);

    public async Task<Rechtmatigheidszaak> MeldAsync(string klantnummer, string aanleiding, string feiten, string toelichting, string door)
    {
        if (await opslag.ZaakAsync(Id) is { } al) return al; // a retry of the same POST
        var zaak = new Rechtmatigheidszaak
        {
            Id = Id,
            Klantnummer = klantnummer,
            Aanleiding = aanleiding,
            Feiten = feiten.Trim(),
            Toelichting = toelichting.Trim(),
            Gemeld = new Stap(door, klok.GetLocalNow(), toelichting.Trim()),
            Status = RechtmatigheidStatus.Gemeld,
        };
        await opslag.SchrijfAsync(zaak);
        return zaak;
    }

    public Task<Rechtmatigheidszaak> StartOnderzoekAsync(string door, string toelichting) =>
        StapAsync(door, toelichting, (z, stap) =>
        {
            Rechtmatigheidsregels.ControleerOnderzoek(z, stap);
            return Task.FromResult(z with { Onderzoek = stap, Status = RechtmatigheidStatus.InOnderzoek });
        });

    public Task<Rechtmatigheidszaak> RoepOpAsync(DateTimeOffset moment, string locatie, string door, string toelichting) =>
        StapAsync(door, toelichting, async (z, stap) =>
        {
            Rechtmatigheidsregels.ControleerOproep(z, moment, stap);
            var brief = await opslag.SchrijfOproepAsync(Id, Guid.NewGuid(), stap.Tijdstip);
            return z with { Horen = new Hoorstap(moment, locatie.Trim(), brief, stap), Status = RechtmatigheidStatus.Horen };
        });

    public Task<Rechtmatigheidszaak> ConcludeerAsync(RechtmatigheidConclusie soort, string door, string toelichting) =>
        StapAsync(door, toelichting, (z, stap) =>
        {
            Rechtmatigheidsregels.ControleerConclusie(z, stap);
            return Task.FromResult(z with { Conclusie = new Conclusiestap(soort, stap), Status = RechtmatigheidStatus.Afgerond });
        });

    private async Task<Rechtmatigheidszaak> StapAsync(string door, string toelichting, Func<Rechtmatigheidszaak, Stap, Task<Rechtmatigheidszaak>> stap)
    {
        var zaak = await opslag.ZaakAsync(Id) ?? throw new NietGevondenException($"Er is geen rechtmatigheidssignaal met id {Id}.");
        var nieuw = await stap(zaak, new Stap(door?.Trim() ?? "", klok.GetLocalNow(), toelichting?.Trim() ?? ""));
        await opslag.SchrijfAsync(nieuw);
        return nieuw;
    }
}
