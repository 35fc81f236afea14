using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Access;

/// <summary>A flagged upload: restricted, its findings highlighted for the editor, cleared by a form (anonymous = a client without an access token).</summary>
public sealed partial class SensitiveDocumentTests(LanternServer server) : IClassFixture<LanternServer>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool anonymous, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        // Anonymous: a client without an access token (the host name no longer decides who is signed in).
        return await (anonymous ? server.AnonymousClient : server.Client).SendAsync(request);
    }

    [Fact]
    public async Task FlaggedUpload_IsRestrictedShowsItsFindingsAndClearsToPublic()
    {
        const string text = "Rapid review: Child V\n\nChild V lived with her mother, Sarah Jones, near LS6 2AB.\n\nLearning\n- Agencies did not share information about the quokka.\n";
        using var upload = await SendAsync(HttpMethod.Post, "/api/v1/documents", anonymous: false, new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "files", $"flagged-{Guid.NewGuid():N}.txt" },
        });
        var documentId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement[0].GetProperty("documentId").GetInt64();

        using var hidden = await SendAsync(HttpMethod.Get, $"/documents/{documentId}", anonymous: true);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var editorPage = await SendAsync(HttpMethod.Get, $"/documents/{documentId}", anonymous: false);
        var html = await editorPage.Content.ReadAsStringAsync();
        html.ShouldContain("Sensitive-data check");
        html.ShouldContain("<mark id=\"finding-0\" class=\"app-sensitive\">mother, Sarah Jones</mark>");
        html.ShouldContain("<mark id=\"finding-1\" class=\"app-sensitive\">LS6 2AB</mark>");
        html.ShouldContain("Restricted: editors only");

        var token = Token().Match(html).Groups[1].Value;
        using var clear = await SendAsync(HttpMethod.Post, $"/documents/{documentId}?handler=Clear", anonymous: false,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["visibility"] = "public" }));
        clear.IsSuccessStatusCode.ShouldBeTrue();

        using var publicPage = await SendAsync(HttpMethod.Get, $"/documents/{documentId}", anonymous: true);
        publicPage.StatusCode.ShouldBe(HttpStatusCode.OK);
        var publicHtml = await publicPage.Content.ReadAsStringAsync();
        publicHtml.ShouldNotContain("Sensitive-data check");
        publicHtml.ShouldNotContain("<mark");
        using var clearedPage = await SendAsync(HttpMethod.Get, $"/documents/{documentId}", anonymous: false);
        (await clearedPage.Content.ReadAsStringAsync()).ShouldContain("Cleared by test-editor");
    }

    [Fact]
    public async Task ClearWithoutAntiforgeryToken_IsRefused()
    {
        using var clear = await SendAsync(HttpMethod.Post, "/documents/1?handler=Clear", anonymous: false,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["visibility"] = "public" }));

        clear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
