using Lantern.Tests.Shared;
using Lantern.Web.Tests.Browser;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Analysis;

/// <summary>The analysis pages in headless Chromium: each draws its chart with its data table, under the site's CSP.</summary>
[Collection(ServerCollection.Name)]
public sealed class AnalysisBrowserTests(LanternServer server, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task AnalysisPages_RenderVisibleChartsWithDataTables_AndScreenshot()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, bearerToken: server.EditorToken);
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };

        foreach (var path in new[] { "/analysis", "/analysis/trends", "/analysis/co-occurrence", "/analysis/recurring" })
        {
            await page.GotoAsync(path);
            var chart = page.Locator("svg[role=img]").First;
            (await chart.IsVisibleAsync()).ShouldBeTrue(path);
            var box = await chart.BoundingBoxAsync();
            box.ShouldNotBeNull(path);
            box.Width.ShouldBeGreaterThan(100, path);
            box.Height.ShouldBeGreaterThan(40, path);
            (await page.Locator("svg[role=img] title").First.TextContentAsync()).ShouldNotBeNullOrWhiteSpace(path);
            (await page.Locator("table.app-chart__table").CountAsync()).ShouldBe(await page.Locator("svg[role=img]").CountAsync(), path);
            (await page.Locator("table.app-chart__table tbody tr").CountAsync()).ShouldBeGreaterThan(0, path);

            var screenshot = await chart.ScreenshotAsync();
            screenshot.Length.ShouldBeGreaterThan(1000, path);

            // A full-page screenshot of each page is kept (LANTERN_SCREENSHOTS=DIR, else beside the test binaries)
            // for a person to look at; the checks above are what the test asserts about it.
            var folder = Environment.GetEnvironmentVariable("LANTERN_SCREENSHOTS") is { Length: > 0 } dir
                ? dir
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, path.Trim('/').Replace('/', '-') + ".png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            new FileInfo(file).Length.ShouldBeGreaterThan(screenshot.Length / 2, path);
        }

        cspErrors.ShouldBeEmpty();
    }
}
