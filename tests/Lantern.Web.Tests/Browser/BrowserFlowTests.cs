using System.Text.RegularExpressions;
using Lantern.Tests.Shared;
using Lantern.Web.Tests.Support;
using Microsoft.Playwright;

namespace Lantern.Web.Tests.Browser;

/// <summary>What a person does: search, open a review, follow a field to its evidence, add a file.</summary>
[Collection(ServerCollection.Name)]
public sealed class BrowserFlowTests(LanternServer server, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task Search_OpenReview_FollowEvidenceLink_LandsOnTheHighlightedText()
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

        await page.GotoAsync("/");
        await page.GetByLabel("Search the library").FillAsync("disguised compliance");
        // Start waiting before the action, so a fast navigation cannot finish unseen.
        var toResults = page.WaitForURLAsync(new Regex("/search\\?"));
        await page.Keyboard.PressAsync("Enter");
        await toResults;
        var firstHit = page.Locator(".app-hit h3 a").First;
        var toReview = page.WaitForURLAsync(new Regex("/reviews/\\d+$"));
        await firstHit.ClickAsync();
        await toReview;

        var evidence = page.Locator("a.app-evidence-link").First;
        var target = (await evidence.GetAttributeAsync("href"))!;
        target.ShouldStartWith("#ev-");
        await evidence.ClickAsync();
        page.Url.ShouldEndWith(target);
        var mark = page.Locator(target);
        (await mark.EvaluateAsync<string>("e => e.tagName")).ShouldBe("MARK");
        (await mark.IsVisibleAsync()).ShouldBeTrue();
        (await mark.InnerTextAsync()).Trim().ShouldNotBeEmpty();

        // The pages' own scripts load under the Content-Security-Policy and enhance the page.
        (await page.EvaluateAsync<bool>("() => document.body.classList.contains('govuk-frontend-supported')")).ShouldBeTrue();
        cspErrors.ShouldBeEmpty();
    }

    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task Upload_ChosenFile_ShowsItWasAdded()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, bearerToken: server.EditorToken);
        await page.GotoAsync("/upload");
        var name = $"browser-{Guid.NewGuid():N}.txt";
        await page.SetInputFilesAsync("#files", new FilePayload
        {
            Name = name,
            MimeType = "text/plain",
            Buffer = "Rapid review: Child B\n\nLearning\n- Professional curiosity about who lives in the household.\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add documents" }).ClickAsync();
        var row = page.Locator("tr[data-outcome]", new() { HasText = name });
        await row.WaitForAsync();
        (await row.GetAttributeAsync("data-outcome")).ShouldBe("Added");
    }

    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task Keyboard_FirstTab_ReachesTheSkipLink()
    {
        var page = await chromium.NewPageAsync(server.BaseAddress, bearerToken: server.EditorToken);
        await page.GotoAsync("/search?q=neglect");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).ShouldBe("Skip to main content");
        await page.Keyboard.PressAsync("Enter");
        page.Url.ShouldEndWith("#main-content");
    }
}
