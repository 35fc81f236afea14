using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Web.Tests.Support;
using Xunit.Abstractions;

namespace Lantern.Web.Tests.Load;

/// <summary>
/// 50 concurrent clients search and read review pages against the real app on a loopback port while a bulk import
/// writes to the same data folder through a second library instance (as `lantern ingest` in another process would).
/// Bounded: 50 × 12 requests, 40 imported documents, two minutes at most.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 50;
    private const int RequestsPerClient = 12;
    private const int ImportedDocuments = 40;
    private static readonly string[] Queries = ["neglect", "\"information sharing\"", "housing OR school", "curios*", "domestic abuse", "health visitor"];

    private readonly LanternServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SearchAndReviewPages_FiftyClientsDuringAnImport_AllSucceed()
    {
        using var importer = LanternLibrary.Open(Lantern.Tests.Shared.Database.TestStore.For(_server.DataFolder));
        var reviewIds = (await importer.ListReviewsAsync(Viewer.Anonymous, 0, 200)).Select(r => r.Id).ToArray();
        reviewIds.ShouldNotBeEmpty();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var import = Task.Run(async () =>
        {
            for (var i = 0; i < ImportedDocuments; i++)
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"Rapid review: Child L{i}\n\nLearning\n- Agencies did not share information about neglect in case {i}.\n- Practitioners should be curious about housing {i}.\n");
                (await importer.IngestAsync($"load-{i}.txt", Encoding.UTF8.GetBytes(text), new IngestOptions { Actor = "load" }, timeout.Token)).Status.ShouldBe(IngestStatus.Added);
            }
        });

        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Clients };
        using var client = new HttpClient(handler) { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var wall = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            for (var r = 0; r < RequestsPerClient; r++)
            {
                var path = r % 2 == 0
                    ? "/search?q=" + Uri.EscapeDataString(Queries[random.Next(Queries.Length)])
                    : $"/reviews/{reviewIds[random.Next(reviewIds.Length)]}";
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await client.GetAsync(path, timeout.Token);
                    var body = await response.Content.ReadAsStringAsync(timeout.Token);
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
                    {
                        failures.Add($"{path}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"{path}: {e.GetType().Name} {e.Message}");
                }
            }
        })).ToArray();

        await Task.WhenAll(clients);
        var requestsDone = wall.Elapsed;
        await import;

        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sorted.Length} requests by {Clients} clients in {requestsDone.TotalSeconds:0.0} s during an import of {ImportedDocuments} documents: p50 {Percentile(0.50):0} ms, p99 {Percentile(0.99):0} ms, max {sorted[^1]:0} ms, errors {failures.Count}"));
        failures.ShouldBeEmpty();
        sorted.Length.ShouldBe(Clients * RequestsPerClient);
        (await importer.CheckAsync()).Problems.ShouldBeEmpty();
    }
}
