using System.ComponentModel.DataAnnotations;

namespace KenJeKlant.Grains.Beleid;

/// <summary>Section <c>Beleid:Peildata</c>: when the nightly peildatum is taken.</summary>
public sealed class PeildataBeleid
{
    public const string Sectie = "Beleid:Peildata";

    /// <summary>Local time after which yesterday's peildatum is recorded (after the nightly import).</summary>
    public TimeOnly RunNa { get; set; } = new(2, 0);

    /// <summary>How often the cluster looks whether the peildatum is due.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Controle { get; set; } = TimeSpan.FromMinutes(30);
}
