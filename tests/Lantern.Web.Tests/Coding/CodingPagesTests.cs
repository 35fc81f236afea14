using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Coding;

/// <summary>
/// Human coding on the review page and the codebook page. Own server: decisions change the effective themes
/// and the codebook file, which the shared server's other tests must not see.
/// </summary>
public sealed partial class CodingPagesTests(LanternServer server) : IClassFixture<LanternServer>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task ReviewPage_RejectConfirmAndAdd_ChangeTheEffectiveThemesAndRecordWho()
    {
        var (reviewId, page) = await ReviewWithThemesAsync();
        var theme = AppliedTheme().Match(page).Groups[1].Value;
        var token = Token(page);

        var rejected = await PostCodeAsync(reviewId, token, theme, "reject");
        Row(rejected, theme).ShouldContain("data-applies=\"no\"");
        Row(rejected, theme).ShouldContain("Rejected by test-editor on ");

        var confirmed = await PostCodeAsync(reviewId, token, theme, "confirm");
        Row(confirmed, theme).ShouldContain("data-applies=\"yes\"");
        Row(confirmed, theme).ShouldContain("Confirmed by test-editor on ");

        var present = ThemeRow().Matches(confirmed).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = Option().Matches(confirmed).Select(m => m.Groups[1].Value).First(code => !present.Contains(code));
        var added = await PostCodeAsync(reviewId, token, missing, "add", "Neglect of the sibling is described in the text");
        Row(added, missing).ShouldContain("data-applies=\"yes\"");
        Row(added, missing).ShouldContain("Added by test-editor on ");
        Row(added, missing).ShouldContain("Neglect of the sibling is described in the text");
    }

    [Fact]
    public async Task ReviewPage_UnknownTheme_ShowsTheErrorSummary()
    {
        var (reviewId, page) = await ReviewWithThemesAsync();
        var html = await PostCodeAsync(reviewId, Token(page), "not-a-theme", "add");
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<title>Error: ");
    }

    [Fact]
    public async Task ReviewPage_AnonymousVisitor_SeesNoCodingFormsAndCannotPost()
    {
        var (reviewId, page) = await ReviewWithThemesAsync();
        var theme = AppliedTheme().Match(page).Groups[1].Value;

        using var anonymousPage = await SendAsync(HttpMethod.Get, $"/reviews/{reviewId}", anonymous: true);
        var anonymousHtml = await anonymousPage.Content.ReadAsStringAsync();
        anonymousHtml.ShouldContain("id=\"coding\"");
        anonymousHtml.ShouldNotContain("handler=code");
        anonymousHtml.ShouldNotContain("Add a theme");

        using var post = await SendAsync(HttpMethod.Post, $"/reviews/{reviewId}?handler=code", anonymous: true, Form(await AnonymousTokenAsync(), theme, "reject"));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Row(await GetOkAsync($"/reviews/{reviewId}"), theme).ShouldNotContain("Rejected by");
    }

    [Fact]
    public async Task ReviewPage_PostWithoutAntiforgeryToken_IsRefused()
    {
        var (reviewId, page) = await ReviewWithThemesAsync();
        var theme = AppliedTheme().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["theme"] = theme, ["verdict"] = "reject" });
        using var response = await _client.PostAsync($"/reviews/{reviewId}?handler=code", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CodebookPage_ListsVersionAndEachTheme_AndIsLinkedFromThemes()
    {
        (await GetOkAsync("/themes")).ShouldContain("href=\"/codebook\"");
        var html = await GetOkAsync("/codebook");
        html.ShouldContain("data-codebook-version>");
        html.ShouldContain("data-code=\"information-sharing\"");
        html.ShouldContain("Replace the codebook");
    }

    [Fact]
    public async Task CodebookUpload_InvalidFile_ShowsEveryErrorWithItsPathAndChangesNothing()
    {
        var before = await GetOkAsync("/codebook");
        var json = BuiltInJson().Replace("\"version\": \"2026.1\"", "\"version\": \"\"", StringComparison.Ordinal);
        json = json.Replace("\"weight\": 0.7", "\"weight\": 7", StringComparison.Ordinal);

        var html = await UploadAsync(Token(before), "broken.json", json);

        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("Nothing was changed");
        Regex.Matches(html, "data-codebook-error>").Count.ShouldBeGreaterThan(1);
        html.ShouldContain("version: ");
        html.ShouldContain(".weight: 7 must be in (0, 1]");
        File.Exists(Path.Combine(server.DataFolder, "codebook.json")).ShouldBeFalse();
        Version(html).ShouldBe(Version(before));
    }

    [Fact]
    public async Task CodebookUpload_NotJson_IsRefusedWithoutSaving()
    {
        var html = await UploadAsync(Token(await GetOkAsync("/codebook")), "codebook.txt", BuiltInJson());
        html.ShouldContain("must be a JSON file");
        File.Exists(Path.Combine(server.DataFolder, "codebook.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task CodebookUpload_ValidFile_IsSavedInTheDataFolderAndShown()
    {
        var json = BuiltInJson().Replace("\"version\": \"2026.1\"", "\"version\": \"2099.7\"", StringComparison.Ordinal);
        var path = Path.Combine(server.DataFolder, "codebook.json");
        try
        {
            var html = await UploadAsync(Token(await GetOkAsync("/codebook")), "ours.json", json);

            html.ShouldContain("The codebook was saved.");
            html.ShouldContain("lantern reextract");
            Version(html).ShouldBe("2099.7");
            (await File.ReadAllTextAsync(path)).ShouldBe(json);
        }
        finally
        {
            File.Delete(path); // the other upload tests check that nothing is saved
        }
    }

    [Fact]
    public async Task CodebookUpload_Anonymous_IsForbidden()
    {
        var token = await AnonymousTokenAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(BuiltInJson())), "file", "ours.json" },
        };
        using var response = await SendAsync(HttpMethod.Post, "/codebook", anonymous: true, content);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await SendAsync(HttpMethod.Get, "/codebook", anonymous: true)).Content.ReadAsStringAsync()).ShouldNotContain("Replace the codebook");
    }

    private static string BuiltInJson() =>
        File.ReadAllText(Path.Combine(LanternServer.RepositoryRoot, "src", "Lantern.Core", "Data", "codebook.json"));

    private static string Version(string html) => Regex.Match(html, "data-codebook-version>([^<]*)<").Groups[1].Value;

    private async Task<string> UploadAsync(string token, string fileName, string json)
    {
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "file", fileName },
        };
        using var response = await _client.PostAsync("/codebook", content);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]);
        return html;
    }

    private async Task<(string Id, string Html)> ReviewWithThemesAsync()
    {
        var search = await GetOkAsync("/search");
        foreach (var id in ReviewLink().Matches(search).Select(m => m.Groups[1].Value).Distinct())
        {
            var html = await GetOkAsync($"/reviews/{id}");
            if (AppliedTheme().IsMatch(html))
            {
                return (id, html);
            }
        }

        throw new InvalidOperationException("no sample review on the search page has a theme");
    }

    private async Task<string> PostCodeAsync(string reviewId, string token, string theme, string verdict, string? note = null)
    {
        using var response = await _client.PostAsync($"/reviews/{reviewId}?handler=code", Form(token, theme, verdict, note));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html[..Math.Min(500, html.Length)]); // redirected back to the review
        return html;
    }

    private static FormUrlEncodedContent Form(string token, string theme, string verdict, string? note = null) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["theme"] = theme,
        ["verdict"] = verdict,
        ["note"] = note ?? "",
    });

    // A visitor's own antiforgery token (tokens are bound to who asked for them), from the one form anyone sees.
    private async Task<string> AnonymousTokenAsync() => Token(await server.AnonymousClient.GetStringAsync("/account/sign-in"));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool anonymous, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };

        return await (anonymous ? server.AnonymousClient : _client).SendAsync(request);
    }

    private async Task<string> GetOkAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body[..Math.Min(500, body.Length)]}");
        return body;
    }

    private static string Row(string html, string theme)
    {
        var match = Regex.Match(html, $"<div class=\"govuk-summary-list__row\" data-theme=\"{Regex.Escape(theme)}\"[\\s\\S]*?</dd>\\s*(?:<dd|</div>)", RegexOptions.None, TimeSpan.FromSeconds(1));
        match.Success.ShouldBeTrue($"no coding row for {theme}");
        return match.Value;
    }

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [GeneratedRegex("href=\"/reviews/(\\d+)\"")]
    private static partial Regex ReviewLink();

    [GeneratedRegex("data-theme=\"([^\"]+)\" data-applies=\"yes\"")]
    private static partial Regex AppliedTheme();

    [GeneratedRegex("data-theme=\"([^\"]+)\"")]
    private static partial Regex ThemeRow();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Option();
}
