using KenJeKlant.Abstractions.Campagnes;

namespace KenJeKlant.Host.Campagnes;

/// <summary>What a campaign dashboard receives: the whole voortgang, first as snapshot on Volg, then on every (coalesced) change.</summary>
public interface ICampagneClient
{
    Task Voortgang(Voortgang voortgang);
}
