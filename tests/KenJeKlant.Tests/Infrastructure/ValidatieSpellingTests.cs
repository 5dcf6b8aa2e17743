using KenJeKlant.Host.Infrastructuur.Http;
using Microsoft.AspNetCore.Http;

namespace KenJeKlant.Tests.Infrastructure;

public sealed class ValidatieSpellingTests
{
    [Theory]
    [InlineData("Toelichting", "toelichting")]
    [InlineData("Afspraken[2].Deadline", "afspraken[2].deadline")]
    [InlineData("selectie.klantmanager", "selectie.klantmanager")]
    [InlineData("Capaciteit.PerKlantmanager[0].GesprekkenPerDag", "capaciteit.perKlantmanager[0].gesprekkenPerDag")]
    public void Een_pad_van_csharp_leden_wordt_het_json_pad(string pad, string json) =>
        Assert.Equal(json, ValidatieSpelling.JsonPad(pad));

    [Fact]
    public void Een_validatieprobleem_krijgt_json_paden_en_een_nederlandse_titel()
    {
        var probleem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["Toelichting"] = ["Licht toe waarom."],
            ["toelichting"] = ["Ook dit."],
            ["Soort"] = ["Vermeld de soort."],
        }) { Title = "One or more validation errors occurred." };

        ValidatieSpelling.Pas(new ProblemDetailsContext { HttpContext = new DefaultHttpContext(), ProblemDetails = probleem });

        Assert.Equal("Het verzoek is niet volledig of niet juist", probleem.Title);
        Assert.Equal(["soort", "toelichting"], probleem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Licht toe waarom.", "Ook dit."], probleem.Errors["toelichting"].Order(StringComparer.Ordinal));
    }
}
