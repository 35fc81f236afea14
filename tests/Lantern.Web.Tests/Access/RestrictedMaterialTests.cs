using System.Net;
using System.Text.Json;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Access;

/// <summary>
/// Restricted material reaches the local editor only. The tests run on loopback, so an anonymous visitor is made
/// by naming another host: the viewer service trusts loopback only for loopback host names.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RestrictedMaterialTests(LanternServer server)
{
    private const string Marker = "quokkamarmalade";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, bool anonymous, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };

        return await (anonymous ? server.AnonymousClient : server.Client).SendAsync(request);
    }

    [Fact]
    public async Task RestrictedDocument_IsSeenByTheLocalEditor_AndHiddenFromAnAnonymousVisitor()
    {
        using var upload = await SendAsync(HttpMethod.Post, "/api/v1/documents?restricted=true", anonymous: false, new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"Rapid review: Child K\n\nLearning\n- The {Marker} protocol was not followed when the family moved.\n")), "files", $"restricted-{Guid.NewGuid():N}.txt" },
        });
        var outcome = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement[0];
        outcome.GetProperty("status").GetString().ShouldBe("Added");
        var documentId = outcome.GetProperty("documentId").GetInt64();

        using var editorSearch = await SendAsync(HttpMethod.Get, $"/api/v1/search?q={Marker}", anonymous: false);
        JsonDocument.Parse(await editorSearch.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);

        using var anonymousSearch = await SendAsync(HttpMethod.Get, $"/api/v1/search?q={Marker}", anonymous: true);
        JsonDocument.Parse(await anonymousSearch.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        using var anonymousPage = await SendAsync(HttpMethod.Get, $"/search?q={Marker}", anonymous: true);
        (await anonymousPage.Content.ReadAsStringAsync()).ShouldNotContain(Marker + "</mark>");
        using var anonymousDocument = await SendAsync(HttpMethod.Get, $"/api/v1/documents/{documentId}", anonymous: true);
        anonymousDocument.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymousOriginal = await SendAsync(HttpMethod.Get, $"/documents/{documentId}/original", anonymous: true);
        anonymousOriginal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousVisitor_CannotUpload_AndIsNotOfferedTheUploadPage()
    {
        using var page = await SendAsync(HttpMethod.Get, "/upload", anonymous: true);
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var home = await SendAsync(HttpMethod.Get, "/", anonymous: true);
        (await home.Content.ReadAsStringAsync()).ShouldNotContain("href=\"/upload\"");
        using var api = await SendAsync(HttpMethod.Post, "/api/v1/documents", anonymous: true, new MultipartFormDataContent
        {
            { new ByteArrayContent("Rapid review"u8.ToArray()), "files", "a.txt" },
        });
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
