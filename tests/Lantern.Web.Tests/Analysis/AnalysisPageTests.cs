using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lantern.Core.Exports;
using Lantern.Core.Exports.RefiQda;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Analysis;

[Collection(ServerCollection.Name)]
public sealed class AnalysisPageTests(LanternServer server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body[..Math.Min(500, body.Length)]}");
        return body;
    }

    [Theory]
    [InlineData("/analysis")]
    [InlineData("/analysis/trends")]
    [InlineData("/analysis/co-occurrence")]
    [InlineData("/analysis/recurring")]
    [InlineData("/analysis?theme=information-sharing")]
    public async Task AnalysisPage_Returns200WithAnSvgChartItsDataTableAndSummary(string path)
    {
        var html = await GetOkAsync(path);

        html.ShouldContain("<svg");
        html.ShouldContain("role=\"img\"");
        Regex.IsMatch(html, "<svg[^>]*>\\s*<title id=").ShouldBeTrue();
        html.ShouldContain("<table class=\"govuk-table govuk-visually-hidden app-chart__table\">");
        html.ShouldContain("app-chart__summary");
        html.ShouldNotContain(" style=");
        html.ShouldNotContain("<style");
        int.Parse(Regex.Match(html, "Based on <strong>(\\d+)</strong>").Groups[1].Value).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Recurring_SampleLibrary_ListsGroupsWithLinksToTheirReviews()
    {
        var html = await GetOkAsync("/analysis/recurring");

        int.Parse(Regex.Match(html, "id=\"recurring-count\"><strong>(\\d+)</strong>").Groups[1].Value).ShouldBeGreaterThan(0);
        Regex.IsMatch(html, "href=\"/reviews/\\d+\"").ShouldBeTrue();
    }

    [Fact]
    public async Task ReviewPage_ListsTheRecurringGroupsOfItsLearning_EachLinkedToItsPlaceOnTheRecurringPage()
    {
        var recurring = await GetOkAsync("/analysis/recurring");
        var reviewId = Regex.Match(recurring, "href=\"/reviews/(\\d+)\"").Groups[1].Value;

        var review = await GetOkAsync($"/reviews/{reviewId}");
        review.ShouldContain("id=\"recurring-groups\"");
        var groupIds = Regex.Matches(review, "href=\"/analysis/recurring#(g[0-9a-f]+)\"").Select(m => m.Groups[1].Value).ToList();
        groupIds.ShouldNotBeEmpty();
        groupIds.ShouldAllBe(g => recurring.Contains($"id=\"{g}\"", StringComparison.Ordinal));
        review.ShouldContain($"href=\"/analysis/recurring?review={reviewId}\"");

        var filtered = await GetOkAsync($"/analysis/recurring?review={reviewId}");
        filtered.ShouldContain("id=\"review-filter\"");
        int.Parse(Regex.Match(filtered, "id=\"recurring-count\"><strong>(\\d+)</strong>").Groups[1].Value).ShouldBe(groupIds.Count);
    }

    [Fact]
    public async Task Recurring_SampleLibrary_InformationSharingGroupSpansSeveralReviewsAndPublishers()
    {
        var json = await _client.GetStringAsync("/api/v1/analysis/recurring");
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        var sharing = doc.RootElement.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("themes").EnumerateArray().FirstOrDefault().TryGetProperty("theme", out var t) && t.GetString() == "information-sharing")
            .ToList();
        var group = sharing.ShouldHaveSingleItem();
        group.GetProperty("reviewIds").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
        group.GetProperty("publishers").GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        group.GetProperty("occurrences").EnumerateArray().ShouldAllBe(o => o.GetProperty("text").GetString()!.Contains("shar", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Recurring_ChosenThreshold_FollowsTheReaderToTheOtherAnalysisPages()
    {
        var html = await GetOkAsync("/analysis/recurring?threshold=0.5");

        html.ShouldContain("value=\"0.5\"");
        html.ShouldContain("href=\"/analysis/trends?threshold=0.5\"");
    }

    [Fact]
    public async Task AnalysisPage_BadFilter_ShowsTheProblemNotAnError()
    {
        var html = await GetOkAsync("/analysis/trends?q=%22unclosed%20AND%20AND");

        html.ShouldContain("<svg");
    }

    [Fact]
    public async Task ExportQdpx_IsAZipWithAValidProject()
    {
        using var response = await _client.GetAsync("/api/v1/analysis/export/qdpx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var project = XDocument.Load(zip.GetEntry("project.qde")!.Open());

        RefiQdaSchemas.ValidateProject(project).ShouldBeEmpty();
        zip.Entries.Count(e => e.FullName.StartsWith("sources/", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task ExportCsv_WithAThemeFilter_HasOnlyThoseReviews()
    {
        var profile = await _client.GetStringAsync("/api/v1/analysis/profile?theme=information-sharing");
        var expected = int.Parse(Regex.Match(profile, "\"reviews\":(\\d+)").Groups[1].Value);
        using var response = await _client.GetAsync("/api/v1/analysis/export/csv?theme=information-sharing");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("reviews.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        expected.ShouldBeGreaterThan(0);
        // Header plus one line per review (no review summary in the samples spans lines once quoted? count records, not lines).
        using var csv = new CsvHelper.CsvReader(new StringReader(string.Join('\n', lines)), System.Globalization.CultureInfo.InvariantCulture);
        csv.GetRecords<dynamic>().Count().ShouldBe(expected);
    }

    [Fact]
    public async Task Export_UnknownFormat_Is404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/v1/analysis/export/xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task RecurringApi_ReturnsGroupsAsJson()
    {
        var json = await _client.GetStringAsync("/api/v1/analysis/recurring?threshold=0.3");

        json.ShouldContain("\"groups\":");
        json.ShouldContain("\"representative\":");
    }

    [Fact]
    public async Task ExportCsv_ReadBack_HasTheSameCountsAsTheAnalysisPages()
    {
        var profilePage = await GetOkAsync("/analysis");
        var pageReviews = int.Parse(Regex.Match(profilePage, "Based on <strong>(\\d+)</strong>").Groups[1].Value);
        using var trends = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/api/v1/analysis/trends"));
        var byPublisher = trends.RootElement.GetProperty("byPublisher");
        var themes = byPublisher.GetProperty("rows").EnumerateArray().Select(r => r.GetString()!).ToList();
        var totals = byPublisher.GetProperty("counts").EnumerateArray().Select(row => row.EnumerateArray().Sum(c => c.GetInt32())).ToList();

        using var response = await _client.GetAsync("/api/v1/analysis/export/csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        var reviews = ReadCsv<TidyCsv.ReviewRow>(zip, TidyCsv.ReviewsFile);
        var points = ReadCsv<TidyCsv.LearningPointRow>(zip, TidyCsv.LearningPointsFile);
        var reviewThemes = ReadCsv<TidyCsv.ReviewThemeRow>(zip, TidyCsv.ReviewThemesFile);

        reviews.Count.ShouldBe(pageReviews);
        trends.RootElement.GetProperty("reviews").GetInt32().ShouldBe(pageReviews);
        points.Count.ShouldBe(reviews.Sum(r => r.LearningPoints));
        points.Select(p => p.ReviewId).Distinct().ShouldAllBe(id => reviews.Any(r => r.ReviewId == id));
        themes.ShouldNotBeEmpty();
        for (var i = 0; i < themes.Count; i++)
        {
            reviewThemes.Count(t => t.Theme == themes[i]).ShouldBe(totals[i], themes[i]);
        }

        // The trends page draws the same figures: each theme's total appears in its hidden data table.
        var trendsPage = await GetOkAsync("/analysis/trends");
        trendsPage.ShouldContain("app-chart__table");
    }

    private static List<T> ReadCsv<T>(ZipArchive zip, string file)
    {
        using var reader = new StreamReader(zip.GetEntry(file)!.Open());
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<T>()];
    }
}
