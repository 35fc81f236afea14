using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Pages;

/// <summary>
/// A facet with many values (a national library's hundreds of publishers) lists its most frequent values and every
/// selected one, with a link that lists them all; short facets are listed in full.
/// </summary>
public sealed partial class SearchFacetListTests : IAsyncLifetime
{
    private const int Publishers = 32;
    private readonly LanternServer _server = new();

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var library = _server.Services.GetRequiredService<IReviewLibrary>();
        for (var i = 0; i < Publishers; i++)
        {
            var text = $"""
                {Town(i)} Safeguarding Children Partnership

                Rapid review learning briefing

                The review looked at the neglect of a baby and how agencies shared information.

                Learning
                - Practitioners should share what they know about neglect with the health visitor.
                """;
            var outcome = await library.IngestAsync($"town-{i}.txt", Encoding.UTF8.GetBytes(text), new IngestOptions { Visibility = Visibility.Public });
            outcome.Status.ShouldBe(IngestStatus.Added);
        }
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    private static string Town(int i) => $"Town{(char)('A' + (i / 26))}{(char)('a' + (i % 26))}ton";

    [Fact]
    public async Task SearchPage_ManyPublishers_ListsTheMostFrequentAndLinksToAll()
    {
        var page = await _server.AnonymousClient.GetStringAsync("/search?q=neglect");
        var publishers = PublisherBoxes().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        publishers.Count.ShouldBe(10);
        var link = ShowAllLink().Match(page);
        link.Success.ShouldBeTrue();
        var href = WebUtility.HtmlDecode(link.Groups[1].Value);
        href.ShouldContain("more=publisher");
        href.ShouldContain("q=neglect");

        var all = await _server.AnonymousClient.GetStringAsync(href);
        var listed = PublisherBoxes().Matches(all).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        listed.Count.ShouldBeGreaterThanOrEqualTo(Publishers);
        listed.Distinct().Count().ShouldBe(listed.Count);
        for (var i = 0; i < Publishers; i++)
        {
            listed.ShouldContain(p => p.StartsWith(Town(i), StringComparison.Ordinal));
        }

        ShowAllLink().IsMatch(all).ShouldBeFalse();
    }

    [Fact]
    public async Task SearchPage_SelectedPublisherBeyondTheFirstTen_IsStillListedAndChecked()
    {
        var all = await _server.AnonymousClient.GetStringAsync("/search?q=neglect&more=publisher");
        var last = PublisherBoxes().Matches(all).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Last();

        var page = await _server.AnonymousClient.GetStringAsync("/search?q=neglect&publisher=" + Uri.EscapeDataString(last));

        var boxes = PublisherBoxes().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        boxes.ShouldContain(last);
        CheckedBox().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ShouldBe([last]);
    }

    [Fact]
    public async Task SearchPage_Years_AreListedNewestFirst_NotStatedLast()
    {
        var library = _server.Services.GetRequiredService<IReviewLibrary>();
        foreach (var year in new[] { 2019, 2023, 2021 })
        {
            var text = $"""
                Northvale Safeguarding Children Partnership

                Rapid review {year}/01 ({year})

                The review in {year} looked at the neglect of a toddler.
                """;
            (await library.IngestAsync($"year-{year}.txt", Encoding.UTF8.GetBytes(text), new IngestOptions { Visibility = Visibility.Public })).Status.ShouldBe(IngestStatus.Added);
        }

        var page = await _server.AnonymousClient.GetStringAsync("/search?q=neglect");
        var years = YearBoxes().Matches(page).Select(m => m.Groups[1].Value).ToList();

        years.ShouldContain("2023");
        years.Where(y => y != "not-stated").ShouldBe(years.Where(y => y != "not-stated").OrderByDescending(y => y, StringComparer.Ordinal));
        if (years.Contains("not-stated"))
        {
            years[^1].ShouldBe("not-stated");
        }
    }

    [GeneratedRegex("name=\"year\" type=\"checkbox\" value=\"([^\"]*)\"")]
    private static partial Regex YearBoxes();

    [GeneratedRegex("<input class=\"govuk-checkboxes__input\" id=\"f-publisher-\\d+\" name=\"publisher\" type=\"checkbox\" value=\"([^\"]*)\"")]
    private static partial Regex PublisherBoxes();

    [GeneratedRegex("name=\"publisher\" type=\"checkbox\" value=\"([^\"]*)\" checked=\"checked\"")]
    private static partial Regex CheckedBox();

    [GeneratedRegex("<a class=\"govuk-link\" href=\"([^\"]*more=publisher[^\"]*)\">Show all")]
    private static partial Regex ShowAllLink();
}
