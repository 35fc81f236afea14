using System.Net;
using System.Text.RegularExpressions;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Pages;

[Collection(ServerCollection.Name)]
public sealed partial class PageTests(LanternServer server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body[..Math.Min(500, body.Length)]}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return body;
    }

    private async Task<long> FirstReviewIdAsync()
    {
        var home = await GetOkAsync("/");
        return long.Parse(ReviewLink().Match(home).Groups[1].Value);
    }

    [Fact]
    public async Task Home_AfterFirstRun_ShowsTheSampleLibraryCountsAndRecentReviews()
    {
        var html = await GetOkAsync("/");
        html.ShouldContain("<html lang=\"en-GB\"");
        html.ShouldContain("Skip to main content");
        int.Parse(Regex.Match(html, "id=\"count-documents\">(\\d+)<").Groups[1].Value).ShouldBeGreaterThanOrEqualTo(5);
        int.Parse(Regex.Match(html, "id=\"count-reviews\">(\\d+)<").Groups[1].Value).ShouldBeGreaterThanOrEqualTo(5);
        ReviewLink().IsMatch(html).ShouldBeTrue();
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders_AndUseNoInlineScriptOrStyle()
    {
        using var response = await _client.GetAsync("/search?q=neglect");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        var html = await response.Content.ReadAsStringAsync();
        Regex.IsMatch(html, "<script(?![^>]*\\bsrc=)").ShouldBeFalse();
        html.ShouldNotContain("<style");
        html.ShouldNotContain(" style=");
    }

    [Fact]
    public async Task StaticFiles_ServeTheBuiltGovukFrontendWithoutTheGovukFont()
    {
        using var css = await _client.GetAsync("/vendor/govuk-frontend/govuk-frontend.min.css");
        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        css.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        var text = await css.Content.ReadAsStringAsync();
        text.ShouldContain(".govuk-button");
        text.ShouldNotContain("GDS Transport");
        text.ShouldNotContain("@font-face");
        using var js = await _client.GetAsync("/app.js");
        js.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_ForAWordInTheSamples_ListsMatchingReviewsWithSnippets()
    {
        var html = await GetOkAsync("/search?q=neglect");
        html.ShouldContain("id=\"result-count\"");
        ReviewLink().IsMatch(html).ShouldBeTrue();
        html.ShouldContain("app-snippet");
        html.ShouldNotContain("govuk-error-summary");
    }

    [Theory]
    [InlineData("AND%20AND")]
    [InlineData("*")]
    public async Task Search_MalformedQuery_ShowsTheMessageInAnErrorSummaryWithStatus200(string query)
    {
        var html = await GetOkAsync($"/search?q={query}");
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<title>Error: ");
        html.ShouldContain("href=\"#q\"");
    }

    [Fact]
    public async Task Search_UnclosedQuote_SaysHowTheSearchWasReadAndStillSearches()
    {
        var html = await GetOkAsync("/search?q=%22disguised%20compliance");
        html.ShouldContain("id=\"query-notes\"");
        html.ShouldContain("quotation mark");
        Total(html).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Search_WithFacetFilter_KeepsTheCheckboxCheckedAndNarrowsTheResults()
    {
        var all = await GetOkAsync("/search?q=");
        var type = Regex.Match(all, "name=\"type\" type=\"checkbox\" value=\"([^\"]+)\"").Groups[1].Value;
        type.ShouldNotBeNullOrEmpty();
        var filtered = await GetOkAsync($"/search?q=&type={Uri.EscapeDataString(type)}");
        filtered.ShouldMatch($"value=\"{Regex.Escape(type)}\" checked=\"checked\"");
        Total(filtered).ShouldBeLessThanOrEqualTo(Total(all));
    }

    [Fact]
    public async Task Review_ShowsFieldsLinkedToHighlightedEvidenceAndMoreLikeThis()
    {
        var id = await FirstReviewIdAsync();
        var html = await GetOkAsync($"/reviews/{id}");
        html.ShouldContain("More like this");
        var marks = Regex.Matches(html, "<mark id=\"(ev-\\d+-\\d+)\">").Select(m => m.Groups[1].Value).ToHashSet();
        marks.ShouldNotBeEmpty();
        var links = Regex.Matches(html, "href=\"#(ev-\\d+-\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        links.ShouldNotBeEmpty();
        links.ShouldAllBe(l => marks.Contains(l));
    }

    [Fact]
    public async Task Review_Unknown_Returns404Page()
    {
        using var response = await _client.GetAsync("/reviews/999999");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task Document_ShowsItsReviewsAndDownloadsTheOriginalAsAnAttachment()
    {
        var list = await GetOkAsync("/documents");
        var id = Regex.Match(list, "href=\"/documents/(\\d+)\"").Groups[1].Value;
        var html = await GetOkAsync($"/documents/{id}");
        html.ShouldContain($"/documents/{id}/original");
        ReviewLink().IsMatch(html).ShouldBeTrue();

        using var download = await _client.GetAsync($"/documents/{id}/original");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith(".txt");
        (await download.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Upload_GoodAndBadFiles_ShowsAnOutcomeForEachFile()
    {
        var form = await GetOkAsync("/upload");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("public"), "visibility" },
            { new ByteArrayContent("Rapid review: Child Q\n\nLearning\n- Practitioners should share information about disguised compliance early.\n"u8.ToArray()), "files", $"upload-{Guid.NewGuid():N}.txt" },
            { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "files", "program.exe" },
            { new ByteArrayContent("not really a pdf"u8.ToArray()), "files", "fake.pdf" },
        };
        using var response = await _client.PostAsync("/upload", content);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
        html.ShouldContain("data-outcome=\"Added\"");
        Regex.Matches(html, "data-outcome=\"Rejected\"").Count.ShouldBe(2);
        html.ShouldContain("program.exe");
        html.ShouldContain("not a PDF");
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent("text"u8.ToArray()), "files", "x.txt" },
        };
        using var response = await _client.PostAsync("/upload", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static int Total(string html) =>
        int.Parse(Regex.Match(html, "id=\"result-count\">([\\d,]+) ").Groups[1].Value.Replace(",", ""));

    [GeneratedRegex("href=\"/reviews/(\\d+)\"")]
    private static partial Regex ReviewLink();
}
