using System.Net;
using System.Text.Json;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApiTests(LanternServer server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Search_ReturnsHitsAndFacetsAsJson()
    {
        var json = await GetJsonAsync("/api/v1/search?q=neglect");
        json.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        json.GetProperty("hits").GetArrayLength().ShouldBeGreaterThan(0);
        json.GetProperty("facets").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Search_MalformedQuery_Returns400ValidationProblem()
    {
        using var response = await _client.GetAsync("/api/v1/search?q=AND%20AND");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("errors").GetProperty("q").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Review_Known_ReturnsTheRecordWithEvidence_Unknown_Returns404ProblemDetails()
    {
        var hits = await GetJsonAsync("/api/v1/search?q=neglect");
        var id = hits.GetProperty("hits")[0].GetProperty("review").GetProperty("id").GetInt64();
        var review = await GetJsonAsync($"/api/v1/reviews/{id}");
        review.GetProperty("summary").GetProperty("id").GetInt64().ShouldBe(id);
        review.GetProperty("review").GetProperty("span").GetProperty("length").GetInt32().ShouldBeGreaterThan(0);

        using var missing = await _client.GetAsync("/api/v1/reviews/987654");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(404);
    }

    [Fact]
    public async Task Documents_ListDetailAndOriginal()
    {
        var list = await GetJsonAsync("/api/v1/documents");
        list.GetArrayLength().ShouldBeGreaterThanOrEqualTo(5);
        var id = list[0].GetProperty("id").GetInt64();
        var detail = await GetJsonAsync($"/api/v1/documents/{id}");
        detail.GetProperty("reviews").GetArrayLength().ShouldBeGreaterThan(0);
        using var original = await _client.GetAsync($"/api/v1/documents/{id}/original");
        original.StatusCode.ShouldBe(HttpStatusCode.OK);
        original.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        await GetJsonAsync("/api/v1/documents/987654", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ReturnsOneOutcomePerFile_AndRefusesCrossSitePosts()
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent("Rapid review: Child Z\n\nLearning\n- Consider the voice of the child.\n"u8.ToArray()), "files", $"api-{Guid.NewGuid():N}.txt" },
            { new ByteArrayContent("x"u8.ToArray()), "files", "notes.xyz" },
        };
        using var response = await _client.PostAsync("/api/v1/documents", content);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var outcomes = JsonDocument.Parse(body).RootElement;
        outcomes.GetArrayLength().ShouldBe(2);
        outcomes[0].GetProperty("status").GetString().ShouldBe("Added");
        outcomes[1].GetProperty("status").GetString().ShouldBe("Rejected");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "files", "a.txt" } },
        };
        request.Headers.Add("Origin", "http://evil.example");
        using var crossSite = await _client.SendAsync(request);
        crossSite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Themes_ReturnsAnArray()
    {
        var themes = await GetJsonAsync("/api/v1/themes");
        themes.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task OpenApi_ListsEveryRoute()
    {
        var doc = await GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/search");
        paths.ShouldContain("/api/v1/reviews/{id}");
        paths.ShouldContain("/api/v1/documents");
        paths.ShouldContain("/api/v1/documents/{id}");
        paths.ShouldContain("/api/v1/documents/{id}/original");
        paths.ShouldContain("/api/v1/themes");
        var searchParameters = doc.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        searchParameters.ShouldContain("q");
        searchParameters.ShouldContain("theme");
        searchParameters.ShouldContain("ageBand");
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/v1/no-such-thing");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Healthz_ReportsHealthy()
    {
        using var response = await _client.GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}
