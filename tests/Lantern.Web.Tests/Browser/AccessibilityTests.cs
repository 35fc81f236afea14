using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.Tests.Shared;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Browser;

/// <summary>axe-core over every page: no serious or critical WCAG 2.2 A/AA violation.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessibilityTests(LanternServer server, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string AxeSource = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "axe", "axe.min.js"));

    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task EveryPage_HasNoSeriousOrCriticalViolations()
    {
        var home = await server.Client.GetStringAsync("/");
        var reviewId = Regex.Match(home, "href=\"/reviews/(\\d+)\"").Groups[1].Value;
        var documents = await server.Client.GetStringAsync("/documents");
        var documentId = Regex.Match(documents, "href=\"/documents/(\\d+)\"").Groups[1].Value;
        string[] paths =
        [
            "/", "/search", "/search?q=neglect", "/search?q=AND+AND", "/search?q=%22child", $"/reviews/{reviewId}",
            "/documents", $"/documents/{documentId}", "/upload", "/themes", "/reviews/999999",
            "/actions", "/actions?overdue=true&status=open", "/timeline", "/timeline?aware=2020-01-06&notified=2020-01-08", "/timeline?aware=not-a-date", $"/reviews/{reviewId}/actions/new",
            "/analysis", "/analysis/trends", "/analysis/co-occurrence", "/analysis/recurring", "/codebook",
            $"/reviews/{reviewId}/bulletin?format=html", $"/reviews/{reviewId}/bulletin?format=html&layout=seven-minute",
        ];
        var actions = await server.Client.GetStringAsync("/actions");
        if (Regex.Match(actions, "href=\"/actions/(\\d+)\"") is { Success: true } action)
        {
            paths = [.. paths, $"/actions/{action.Groups[1].Value}"];
        }

        var page = await chromium.NewPageAsync(server.BaseAddress, bypassCsp: true, bearerToken: server.EditorToken);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            if (path.Contains("/bulletin?", StringComparison.Ordinal))
            {
                // Bulletins are served as downloads (Content-Disposition: attachment): check the HTML file itself.
                await page.SetContentAsync(await server.Client.GetStringAsync(path));
            }
            else
            {
                await page.GotoAsync(path);
            }

            await page.AddScriptTagAsync(new() { Content = AxeSource });
            var result = await page.EvaluateAsync<JsonElement>(
                "async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })");
            foreach (var violation in result.GetProperty("violations").EnumerateArray())
            {
                var impact = violation.GetProperty("impact").GetString();
                if (impact is "serious" or "critical")
                {
                    var targets = string.Join("; ", violation.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("target").ToString()));
                    problems.Add($"{path}: {violation.GetProperty("id").GetString()} ({impact}) at {targets}");
                }
            }
        }

        problems.ShouldBeEmpty();
    }
}
