using System.Net;
using System.Text.RegularExpressions;
using Lantern.Storage.Actions;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Pages;

[Collection(ServerCollection.Name)]
public sealed partial class ActionPagesTests(LanternServer server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task TrackButton_OnReviewsWithActions_ListsThemOnTheActionsPage_AndCsvHasTheSameRows()
    {
        var actionId = await TrackedActionIdAsync();

        var html = await GetOkAsync("/actions");
        html.ShouldContain($"href=\"/actions/{actionId}\"");
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Actions</h1>");
        html.ShouldContain("<label class=\"govuk-label govuk-label--s\" for=\"status\">Status</label>");

        using var csv = await _client.GetAsync("/actions?handler=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ActionCsv.Read(new StringReader(await csv.Content.ReadAsStringAsync()));
        rows.Select(r => r["id"]).ShouldContain(actionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        rows.Count.ShouldBe(RowCount(html));
    }

    [Fact]
    public async Task EditForm_TwoEditsFromTheSameVersion_SecondShowsTheConflictAndKeepsTheFirst()
    {
        var actionId = await TrackedActionIdAsync();
        var page = await GetOkAsync($"/actions/{actionId}");
        var token = Token(page);
        var version = Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        version.ShouldNotBeNullOrEmpty();

        using var first = await PostEditAsync(actionId, token, version, "in-progress", "2031-01-31", "first editor's evidence");
        first.StatusCode.ShouldBe(HttpStatusCode.OK); // redirected back to the action
        (await first.Content.ReadAsStringAsync()).ShouldContain("Your changes were saved.");
        using var second = await PostEditAsync(actionId, token, version, "done", "2032-02-29", "second editor's evidence");
        var html = await second.Content.ReadAsStringAsync();

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("This action was changed by test-editor at");
        html.ShouldContain("reload and try again");
        html.ShouldContain("second editor&#x27;s evidence"); // what the second editor typed is still in the form
        var after = await GetOkAsync($"/actions/{actionId}");
        after.ShouldContain("2031-01-31");
        after.ShouldContain("first editor&#x27;s evidence");
        after.ShouldNotContain("2032-02-29");
        Regex.Matches(after, "<td class=\"govuk-table__cell\">test-editor</td>").Count.ShouldBeGreaterThanOrEqualTo(4); // created + 3 changes
    }

    [Fact]
    public async Task AddActionForm_BadDate_ShowsTheError_ThenAGoodOneIsAddedWithItsHistory()
    {
        var reviewId = ReviewLink().Match(await GetOkAsync("/")).Groups[1].Value;
        var form = await GetOkAsync($"/reviews/{reviewId}/actions/new");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["text"] = "Brief GPs on the escalation policy",
            ["agency"] = "Health",
            ["due"] = "31/12/2030",
        };

        using var bad = await _client.PostAsync($"/reviews/{reviewId}/actions/new", new FormUrlEncodedContent(fields));
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain("href=\"#due\"");
        badHtml.ShouldContain("Brief GPs on the escalation policy");

        fields["due"] = "2030-12-31";
        using var good = await _client.PostAsync($"/reviews/{reviewId}/actions/new", new FormUrlEncodedContent(fields));
        var html = await good.Content.ReadAsStringAsync();
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Brief GPs on the escalation policy</h1>");
        html.ShouldContain("2030-12-31");
        html.ShouldContain("<td class=\"govuk-table__cell\">created</td>");
    }

    [Fact]
    public async Task EditForm_WithoutAntiforgeryToken_IsRefused()
    {
        var actionId = await TrackedActionIdAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1", ["status"] = "done" });
        using var response = await _client.PostAsync($"/actions/{actionId}", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Timeline_WithAnAwareDate_ShowsEachDeadlineAsIsoDateWithItsStatus()
    {
        var html = await GetOkAsync("/timeline?aware=2020-01-06");

        Regex.Match(html, "data-deadline=\"notification\">[\\s\\S]*?<td class=\"govuk-table__cell\">([\\d-]+)</td>").Groups[1].Value.ShouldBe("2020-01-13");
        Regex.Match(html, "data-deadline=\"rapid-review\">[\\s\\S]*?<td class=\"govuk-table__cell\">([\\d-]+)</td>").Groups[1].Value.ShouldBe("2020-02-03"); // 15 working days after the notification due date
        html.ShouldContain("Overdue");
    }

    [Fact]
    public async Task Timeline_WithABadDate_ShowsTheErrorSummaryLinkedToTheField()
    {
        var html = await GetOkAsync("/timeline?aware=14%2F03%2F2025");

        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("href=\"#aware\"");
        html.ShouldContain("id=\"aware-error\"");
        html.ShouldContain("<title>Error: Statutory timeline");
    }

    [Fact]
    public async Task BulletinDownloads_ArePdfAndAccessibleHtml()
    {
        var home = await GetOkAsync("/");
        var reviewId = ReviewLink().Match(home).Groups[1].Value;
        (await GetOkAsync($"/reviews/{reviewId}")).ShouldContain($"/reviews/{reviewId}/bulletin?format=pdf");

        using var pdf = await _client.GetAsync($"/reviews/{reviewId}/bulletin?format=pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());

        using var html = await _client.GetAsync($"/reviews/{reviewId}/bulletin?format=html&layout=seven-minute");
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var body = await html.Content.ReadAsStringAsync();
        body.ShouldContain("<html lang=\"en-GB\">");
        body.ShouldContain("<h1");

        (await _client.GetAsync("/reviews/999999/bulletin?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThemeBriefing_FromTheThemesPage_DownloadsForEachListedTheme()
    {
        var themes = await GetOkAsync("/themes");
        var link = Regex.Match(themes, "href=\"(/themes/[^\"/]+/briefing\\?format=md)\"").Groups[1].Value;
        link.ShouldNotBeNullOrEmpty();

        using var response = await _client.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Thematic briefing");
    }

    private async Task<long> TrackedActionIdAsync()
    {
        var actions = await GetOkAsync("/actions");
        if (ActionLink().Match(actions) is { Success: true } existing)
        {
            return long.Parse(existing.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        // Track the actions of every sample review on the home page until some are tracked.
        var home = await GetOkAsync("/search");
        foreach (var id in ReviewLink().Matches(home).Select(m => m.Groups[1].Value).Distinct())
        {
            var review = await GetOkAsync($"/reviews/{id}");
            review.ShouldContain("Track these actions");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(review) });
            using var response = await _client.PostAsync($"/reviews/{id}/track-actions", content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK); // redirected on to the review's actions
            if (ActionLink().Match(await GetOkAsync($"/actions?review={id}")) is { Success: true } tracked)
            {
                return long.Parse(tracked.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("no sample review on the search page has extracted actions");
    }

    private async Task<HttpResponseMessage> PostEditAsync(long actionId, string token, string version, string status, string due, string evidence)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = version,
            ["status"] = status,
            ["due"] = due,
            ["agency"] = "Police",
            ["lead"] = "Jo",
            ["evidence"] = evidence,
        });
        return await _client.PostAsync($"/actions/{actionId}", content);
    }

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body[..Math.Min(500, body.Length)]}");
        return body;
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static int RowCount(string html) => Regex.Matches(html, "data-action-id=\"").Count;

    [GeneratedRegex("href=\"/reviews/(\\d+)\"")]
    private static partial Regex ReviewLink();

    [GeneratedRegex("href=\"/actions/(\\d+)\"")]
    private static partial Regex ActionLink();
}
