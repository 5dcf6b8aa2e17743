using KenJeKlant.Tests.Api;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>Logging in as a user does: open the page, get sent to the login form, log in, come back.</summary>
internal static class Inloggen
{
    public static async Task<IPage> OpenAlsAsync(this Chromium chromium, DashboardHost host, string gebruikersnaam, string pagina,
        int breedte = 1280, int hoogte = 900)
    {
        var page = await chromium.NieuwePaginaAsync(host, breedte, hoogte);
        await page.GotoAsync(pagina);
        // The form itself, not a navigation event: the redirect may come while the first page still loads.
        var gebruikersnaamVeld = page.GetByLabel("Gebruikersnaam");
        try
        {
            await gebruikersnaamVeld.WaitForAsync();
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{pagina} stuurde niet door naar het inlogformulier; de pagina staat op {page.Url}: {await page.Locator("body").InnerTextAsync()}", e);
        }
        Assert.Contains("/inloggen.html?terug=" + Uri.EscapeDataString(pagina), page.Url, StringComparison.Ordinal);
        await gebruikersnaamVeld.FillAsync(gebruikersnaam);
        await page.GetByLabel("Wachtwoord").FillAsync(KenJeKlantApp.DemoWachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Ingelogd als");
        Assert.Equal(host.Url + pagina, page.Url);
        return page;
    }
}
