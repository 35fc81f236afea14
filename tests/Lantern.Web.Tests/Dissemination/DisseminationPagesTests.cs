using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.Tests.Shared;
using Lantern.Web.Tests.Browser;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Dissemination;

/// <summary>
/// Activities, feedback links and the yearly report through the real pages, on a server of their own (so counts are
/// not disturbed by other tests). Anonymous = not signed in (no access token).
/// </summary>
public sealed partial class DisseminationPagesTests(LanternServer server, ChromiumFixture chromium) : IClassFixture<LanternServer>, IClassFixture<ChromiumFixture>
{
    private const string Secret = "quokkamarmalade";

    [Fact]
    public async Task FeedbackLink_WorksOncePerTeam_ShowsOnlyItsBriefing_AndFailsAfterRevocationOrWhenGuessed()
    {
        var restrictedReview = await UploadRestrictedReviewAsync();
        var activity = await AddActivityAsync("briefing", "Seven-minute briefing: bruising in non-mobile babies", "2025-05-12", owner: $"Owner {Secret}", outcome: $"Outcome {Secret}");
        await PostAsync($"/activities/{activity}?handler=link", $"/activities/{activity}", new() { ["review"] = restrictedReview });
        var links = await SendAsync(activity, "Health / Health visiting north\nPolice / Public protection unit");
        links.Count.ShouldBe(2);

        using var open = await GetAsync(links[0], anonymous: true);
        var form = await open.Content.ReadAsStringAsync();
        open.StatusCode.ShouldBe(HttpStatusCode.OK);
        open.Headers.CacheControl!.NoStore.ShouldBeTrue();
        form.ShouldContain("Seven-minute briefing: bruising in non-mobile babies");
        form.ShouldContain("Health visiting north");
        form.ShouldNotContain(Secret); // not the owner, outcome or the restricted review it came from
        form.ShouldNotContain("Public protection unit"); // not the other teams
        form.ShouldNotContain("wombat"); // nothing of the restricted review

        using var sent = await PostFeedbackAsync(links[0], form, "supervision", "We will ask who else lives in the home.", "4");
        (await sent.Content.ReadAsStringAsync()).ShouldContain("Feedback sent");
        using var reused = await GetAsync(links[0], anonymous: true);
        reused.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await reused.Content.ReadAsStringAsync()).ShouldNotContain("bruising");
        using var replay = await PostFeedbackAsync(links[0], form, "training", "Again", "1");
        replay.StatusCode.ShouldBe(HttpStatusCode.Gone);

        var recipient = Regex.Match(await (await GetAsync($"/activities/{activity}", anonymous: false)).Content.ReadAsStringAsync(), "name=\"recipient\" value=\"(\\d+)\"").Groups[1].Value;
        await PostAsync($"/activities/{activity}?handler=revoke", $"/activities/{activity}", new() { ["recipient"] = recipient });
        using var revoked = await GetAsync(links[1], anonymous: true);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Gone);
        using var guessed = await GetAsync("/feedback/" + new string('A', 43), anonymous: true);
        guessed.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var csv = await GetAsync($"/api/v1/activities/{activity}/feedback.csv", anonymous: false);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("We will ask who else lives in the home.");
        using var anonymousActivity = await GetAsync($"/activities/{activity}", anonymous: true);
        anonymousActivity.StatusCode.ShouldBe(HttpStatusCode.NotFound); // linked to a restricted review
        using var anonymousCsv = await GetAsync($"/api/v1/activities/{activity}/feedback.csv", anonymous: true);
        anonymousCsv.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_CountsEqualThePages_AndExcludeRestrictedMaterialForReaders()
    {
        var restrictedReview = await UploadRestrictedReviewAsync();
        var publicReview = ReviewLink().Match(await (await GetAsync("/", anonymous: true)).Content.ReadAsStringAsync()).Groups[1].Value;
        await SaveDatesAsync(publicReview, aware: "2030-12-17", notified: "2030-12-19", rapid: "2031-01-10");
        await SaveDatesAsync(restrictedReview, aware: "2030-12-17", notified: "2030-12-19", rapid: "2031-01-20");
        await AddActivityAsync("training", "Training on neglect", "2030-06-01");
        await AddActivityAsync("audit", "Audit of chronologies", "2031-02-01", outcome: "Chronologies were often missing.", figures: "Records with a chronology: 62%");
        var restrictedActivity = await AddActivityAsync("practice-learning", "Learning event", "2031-03-01");
        await PostAsync($"/activities/{restrictedActivity}?handler=link", $"/activities/{restrictedActivity}", new() { ["review"] = restrictedReview });
        const string period = "from=2030-04-01&to=2031-03-31";

        var editor = await ReportJsonAsync(period, anonymous: false);
        var reader = await ReportJsonAsync(period, anonymous: true);
        var editorPage = await (await GetAsync($"/activities?{period}", anonymous: false)).Content.ReadAsStringAsync();
        var readerPage = await (await GetAsync($"/activities?{period}", anonymous: true)).Content.ReadAsStringAsync();
        var reportPage = await (await GetAsync($"/report?{period}", anonymous: true)).Content.ReadAsStringAsync();

        editor.GetProperty("activities").GetInt32().ShouldBe(ActivityCount(editorPage));
        reader.GetProperty("activities").GetInt32().ShouldBe(ActivityCount(readerPage));
        editor.GetProperty("activities").GetInt32().ShouldBe(3);
        reader.GetProperty("activities").GetInt32().ShouldBe(2);
        editor.GetProperty("reviews").GetProperty("notified").GetInt32().ShouldBe(2);
        reader.GetProperty("reviews").GetProperty("notified").GetInt32().ShouldBe(1);
        // Notified Thursday 19 December 2030: with the Christmas and New Year bank holidays the 15th working day is 14 January 2031.
        editor.GetProperty("reviews").GetProperty("rapidReviewsWithin15WorkingDays").GetInt32().ShouldBe(1);
        editor.GetProperty("reviews").GetProperty("rapidReviewsCompleted").GetInt32().ShouldBe(2);
        reportPage.ShouldContain("Learning activities: 2");
        reportPage.ShouldContain("Serious incidents notified to the Panel: 1");
        reportPage.ShouldContain("Records with a chronology: 62%");
        reportPage.ShouldContain("<svg");
        reportPage.ShouldNotContain(Secret);
        var timeline = await (await GetAsync("/timeline?aware=2030-12-17&notified=2030-12-19", anonymous: false)).Content.ReadAsStringAsync();
        timeline.ShouldContain("2031-01-14");
    }

    [Fact]
    public async Task ThemeResources_OnlyWebAddresses_AppearOnTheThemeBriefing()
    {
        const string resources = "/themes/information-sharing/resources";
        using var bad = await PostAsync(resources, resources, new() { ["title"] = "Bad", ["url"] = "javascript:alert(1)" });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("must be a full http:// or https:// address");
        using var good = await PostAsync(resources, resources, new() { ["title"] = "Eastshire information-sharing protocol", ["url"] = "https://eastshire.example/procedures/sharing" });
        var page = await good.Content.ReadAsStringAsync();
        page.ShouldContain("href=\"https://eastshire.example/procedures/sharing\"");
        using var anonymous = await GetAsync(resources, anonymous: true);
        (await anonymous.Content.ReadAsStringAsync()).ShouldNotContain("Add a link");

        var briefing = await (await GetAsync("/themes/information-sharing/briefing?format=md", anonymous: true)).Content.ReadAsStringAsync();

        briefing.ShouldContain("## Local procedures and guidance");
        briefing.ShouldContain("https://eastshire.example/procedures/sharing");
    }

    [RequiresToolFact(ChromiumFixture.ChromiumPath)]
    public async Task FeedbackForm_CompletedInTheBrowser_AsATeamWould()
    {
        var activity = await AddActivityAsync("briefing", "Bulletin: information sharing", "2025-07-01");
        var link = (await SendAsync(activity, "Schools / Designated safeguarding leads"))[0];
        var page = await chromium.NewPageAsync(server.BaseAddress);

        await page.GotoAsync(link);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Bulletin: information sharing");
        await page.GetByLabel("Team meeting").CheckAsync();
        await page.GetByLabel("What will your team do differently?").FillAsync("Share concerns with the school nurse the same day.");
        await page.GetByLabel("5", new() { Exact = true }).CheckAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        (await page.Locator(".govuk-panel__title").InnerTextAsync()).ShouldBe("Feedback sent");
        var shown = await (await GetAsync($"/activities/{activity}", anonymous: false)).Content.ReadAsStringAsync();
        shown.ShouldContain("Share concerns with the school nurse the same day.");
        shown.ShouldContain("usefulness 5 of 5");
        await page.GotoAsync(link);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Feedback already given");
    }

    private async Task<JsonElement> ReportJsonAsync(string period, bool anonymous)
    {
        using var response = await GetAsync($"/api/v1/report?{period}", anonymous);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static int ActivityCount(string html) => int.Parse(ActivityCountText().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task SaveDatesAsync(string reviewId, string aware, string notified, string rapid)
    {
        using var response = await PostAsync($"/reviews/{reviewId}/dates", $"/reviews/{reviewId}/dates", new() { ["aware"] = aware, ["notified"] = notified, ["rapidReviewSent"] = rapid });
        (await response.Content.ReadAsStringAsync()).ShouldContain("The dates were saved.");
    }

    private async Task<string> UploadRestrictedReviewAsync()
    {
        var text = $"Rapid review: Child Q\n\nLearning\n- Agencies did not share information about the {Secret} wombat concerns.\n\nRecommendations\n1. The partnership will audit how the {Secret} concerns are shared between agencies.\n";
        using var upload = await SendRequestAsync(HttpMethod.Post, "/api/v1/documents?restricted=true", anonymous: false, new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "files", $"restricted-{Guid.NewGuid():N}.txt" },
        });
        var documentId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement[0].GetProperty("documentId").GetInt64();
        var document = await (await GetAsync($"/documents/{documentId}", anonymous: false)).Content.ReadAsStringAsync();
        var id = ReviewLink().Match(document).Groups[1].Value;
        id.ShouldNotBeNullOrEmpty(document);
        return id;
    }

    private async Task<string> AddActivityAsync(string kind, string title, string date, string? owner = null, string? outcome = null, string? figures = null)
    {
        using var response = await PostAsync("/activities", "/activities", new()
        {
            ["kind"] = kind, ["title"] = title, ["date"] = date, ["owner"] = owner ?? "", ["outcome"] = outcome ?? "", ["figures"] = figures ?? "",
        });
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        path.ShouldStartWith("/activities/", customMessage: await response.Content.ReadAsStringAsync());
        return path["/activities/".Length..];
    }

    private async Task<IReadOnlyList<string>> SendAsync(string activity, string teams)
    {
        using var response = await PostAsync($"/activities/{activity}?handler=send", $"/activities/{activity}", new() { ["teams"] = teams, ["days"] = "28" });
        var html = await response.Content.ReadAsStringAsync();
        return [.. FeedbackLink().Matches(html).Select(m => new Uri(m.Value).PathAndQuery)];
    }

    private async Task<HttpResponseMessage> PostFeedbackAsync(string link, string form, string discussedIn, string willChange, string usefulness) =>
        await SendRequestAsync(HttpMethod.Post, link, anonymous: true, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["discussedIn"] = discussedIn, ["willChange"] = willChange, ["usefulness"] = usefulness,
        }));

    private async Task<HttpResponseMessage> PostAsync(string path, string formPage, Dictionary<string, string> fields)
    {
        var page = await (await GetAsync(formPage, anonymous: false)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Token(page);
        var response = await SendRequestAsync(HttpMethod.Post, path, anonymous: false, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }

    private Task<HttpResponseMessage> GetAsync(string path, bool anonymous) => SendRequestAsync(HttpMethod.Get, path, anonymous);

    private async Task<HttpResponseMessage> SendRequestAsync(HttpMethod method, string path, bool anonymous, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };

        // Anonymous = not signed in (no access token); otherwise the editor's token.
        return await (anonymous ? server.AnonymousClient : server.Client).SendAsync(request);
    }

    private static string Token(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"/reviews/(\\d+)\"")]
    private static partial Regex ReviewLink();

    [GeneratedRegex(@"https?://[^\s<""]+/feedback/[A-Za-z0-9_-]{43}")]
    private static partial Regex FeedbackLink();

    [GeneratedRegex("id=\"activity-count\">(\\d+) ")]
    private static partial Regex ActivityCountText();
}
