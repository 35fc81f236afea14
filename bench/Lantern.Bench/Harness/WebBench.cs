using System.Globalization;
using System.Net;
using Lantern.Core.Model;

namespace Lantern.Bench.Harness;

/// <summary>
/// Web throughput and latency on loopback: starts Lantern.Web on 127.0.0.1 port 0 over the search library and
/// drives the search page and a review page with <see cref="LoadGenerator"/>.
/// </summary>
internal static class WebBench
{
    private static readonly string[] SearchWords = ["neglect", "\"information sharing\"", "escalat*", "bruising", "DA", "supervision", "housing", "\"was not brought\""];

    public static async Task RunAsync(BenchSettings settings, string? dataFolder, Report report)
    {
        const string Target = "search page ≥ 300 requests/s with 32 concurrent clients, p99 under 100 ms";
        if (dataFolder is null)
        {
            report.Note("web: no library was built (storage not available), so the web benchmark did not run");
            report.Target(Target, "not available", null);
            return;
        }

        long[] reviewIds;
        await using (var handle = await StorageProbe.OpenAsync(dataFolder))
        {
            var list = handle is null ? [] : await handle.Library.ListReviewsAsync(Viewer.Anonymous, 0, 200);
            reviewIds = [.. list.Select(r => r.Id)];
        }

        var created = await WebProbe.CreateAsync(dataFolder);
        if (created is null)
        {
            report.Note("web: no host factory returning WebApplication found in Lantern.Web");
            report.Target(Target, "not available", null);
            return;
        }

        var (app, how) = created.Value;
        await using var _ = app;
        await app.StartAsync();
        var baseUrl = app.Urls.First().TrimEnd('/');
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

        string SearchUrl(long i) => settings.SearchPath.Replace("{q}", WebUtility.UrlEncode(SearchWords[i % SearchWords.Length]), StringComparison.Ordinal);

        // Every request a page of results nobody has asked for yet (page 2, 3, ... of the same words), so the read
        // cache never answers: what a search the library has not seen since its last change costs under load.
        string NewSearchUrl(long i) => SearchUrl(i) + (settings.SearchPath.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + "page=" + (2 + (i / SearchWords.Length)).ToString(CultureInfo.InvariantCulture);
        string ReviewUrl(long i) => settings.ReviewPath.Replace("{id}", reviewIds.Length == 0 ? "1" : reviewIds[i % reviewIds.Length].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var rows = new List<string[]>();
        // The first request of each search (facet index, JIT, Razor) is timed on its own, one at a time, and not counted
        // in the load figures: the load measures the page as users get it once the app is running.
        var cold = new List<string>();
        for (var i = 0; i < SearchWords.Length; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await http.GetAsync(SearchUrl(i));
            await response.Content.ReadAsByteArrayAsync();
            cold.Add($"{SearchWords[i]} {clock.Elapsed.TotalMilliseconds:F0} ms{(response.IsSuccessStatusCode ? "" : $" (HTTP {(int)response.StatusCode})")}");
        }

        report.Note($"web: first request of each search word after start, one at a time (not in the load figures): {string.Join(", ", cold)}");
        var pages = new List<(string Page, string Path, Func<long, string> Url, bool WarmUp)>
        {
            ("search page", settings.SearchPath, SearchUrl, true),
            ("search page, a new page of results each request (read cache missed)", settings.SearchPath + "&page={n}", NewSearchUrl, false),
        };
        if (reviewIds.Length > 0)
        {
            pages.Add(("review page", settings.ReviewPath, ReviewUrl, true));
        }
        else
        {
            report.Note("web: the library holds no reviews, so the review page was not measured");
        }

        foreach (var (page, path, url, warmUp) in pages)
        {
            // Warm-up: JIT, Razor compilation, caches; not counted. The uncached search row skips it (it would only move
            // the pages it asks for further on).
            if (warmUp)
            {
                await LoadGenerator.RunAsync(http, url, 4, TimeSpan.FromSeconds(settings.Smoke ? 0.5 : 1.5));
            }
            var result = await LoadGenerator.RunAsync(http, url, settings.Clients, settings.LoadDuration);
            rows.Add([page, path,
                settings.Clients.ToString(CultureInfo.InvariantCulture), Stats.F(result.Seconds, 1), Stats.F(result.RequestsPerSecond, 0),
                Stats.F(result.P50, 1), Stats.F(result.P99, 1), result.Errors.ToString(CultureInfo.InvariantCulture)]);
            if (result.FirstError is not null)
            {
                report.Note($"web {page}: first error: {result.FirstError}");
            }

            if (page == "search page")
            {
                report.Target(Target, $"{Stats.F(result.RequestsPerSecond, 0)} req/s, p99 {Stats.F(result.P99, 1)} ms, {result.Errors} errors",
                    settings.Clients >= 32 ? result.RequestsPerSecond >= 300 && result.P99 < 100 && result.Errors == 0 : null);
            }
        }

        await app.StopAsync();
        report.Table($"Web on loopback ({how}, Kestrel at {baseUrl}, load generator in the same process)",
            ["page", "path", "clients", "seconds", "requests/s", "p50 ms", "p99 ms", "errors"], rows);
    }
}
