using System.Text.Json;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Api;

/// <summary>Search over the sample library, through the API the pages share.</summary>
[Collection(ServerCollection.Name)]
public sealed class SearchQualityTests(LanternServer server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<JsonElement> SearchAsync(string query)
    {
        var body = await _client.GetStringAsync($"/api/v1/search?pageSize=100&{query}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<long> Ids(JsonElement results) =>
        results.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("review").GetProperty("id").GetInt64()).ToList();

    [Fact]
    public async Task DisguisedCompliance_RanksAReviewThatDiscussesItFirst()
    {
        var results = await SearchAsync("q=disguised%20compliance");
        var ids = Ids(results);
        ids.ShouldNotBeEmpty();
        var first = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/reviews/{ids[0]}")).RootElement;
        var text = first.GetProperty("documentText").GetString()!;
        var span = first.GetProperty("review").GetProperty("span");
        var reviewText = text.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());
        reviewText.ShouldContain("disguised compliance", Case.Insensitive);
        results.GetProperty("hits")[0].GetProperty("snippetHtml").GetString()!.ShouldContain("<mark>");
    }

    [Fact]
    public async Task Acronym_FindsWhatTheLongFormFinds()
    {
        var longForm = Ids(await SearchAsync("q=%22domestic%20abuse%22"));
        var acronym = Ids(await SearchAsync("q=DA"));
        longForm.ShouldNotBeEmpty();
        longForm.Except(acronym).ShouldBeEmpty();
    }

    [Fact]
    public async Task FacetCounts_EachValueCountIsWhatFilteringByItFinds()
    {
        var all = await SearchAsync("q=child");
        var total = all.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThan(0);
        var types = all.GetProperty("facets").GetProperty("type").EnumerateArray()
            .Select(v => (Value: v.GetProperty("value").GetString()!, Count: v.GetProperty("count").GetInt32())).ToList();
        types.ShouldNotBeEmpty();
        types.Sum(t => t.Count).ShouldBeLessThanOrEqualTo(total);
        foreach (var (value, count) in types)
        {
            var filtered = await SearchAsync($"q=child&type={Uri.EscapeDataString(value)}");
            filtered.GetProperty("total").GetInt32().ShouldBe(count, $"type={value}");
        }
    }
}
