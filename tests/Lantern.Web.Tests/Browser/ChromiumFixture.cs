using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser): one browser for a test class.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return; // The tests skip (or, with LANTERN_REQUIRE_TOOLS=1, fail) on their own attribute.
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh page with generous timeouts. <paramref name="bypassCsp"/> lets a test inject axe-core inline.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool bypassCsp = false, string? bearerToken = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            BypassCSP = bypassCsp,
            Locale = "en-GB",
            ExtraHTTPHeaders = bearerToken is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearerToken },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }
}
