using KenJeKlant.Tests.Api;
using Microsoft.Playwright;

namespace KenJeKlant.Tests.Browser;

/// <summary>Logging in as a user does: open the page, get sent to the login form, log in, come back.</summary>
internal static class Inloggen
{
    public static async Task<IPage> OpenAlsAsync(this Chromium chromium, DashboardHost host, string gebruikersnaam, string pagina,
        int breedte = 1280, int hoogte = 900)
    {
        var page = await chromium.NieuwePaginaAsync(host.Url, breedte, hoogte);
        await page.GotoAsync(pagina);
        try
        {
            // Commit, not load: the redirect may come while the first page is still loading its modules.
            await page.WaitForURLAsync(url => url.Contains("/inloggen.html?terug=", StringComparison.Ordinal),
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{pagina} stuurde niet door naar het inlogformulier; de pagina staat op {page.Url}: {await page.Locator("body").InnerTextAsync()}", e);
        }
        await page.GetByLabel("Gebruikersnaam").FillAsync(gebruikersnaam);
        await page.GetByLabel("Wachtwoord").FillAsync(KenJeKlantApp.DemoWachtwoord);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForURLAsync(host.Url + pagina, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#gebruiker")).ToContainTextAsync("Ingelogd als");
        return page;
    }
}
