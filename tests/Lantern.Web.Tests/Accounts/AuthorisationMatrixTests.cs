using System.Net;
using System.Text.RegularExpressions;
using Lantern.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests.Accounts;

/// <summary>
/// The authorisation matrix: every route of the app's own route table × anonymous, reader, editor, admin × public and
/// restricted data. Anonymous visitors and readers must get the same answers whether or not the restricted canary
/// exists (so neither its title, text, reference nor its existence shows in pages, counts, facets, more-like-this,
/// recurring groups, analysis, exports, bulletins, downloads, learning activities, teams' feedback or the yearly report's
/// figures); editor and admin routes refuse everyone else.
/// </summary>
public sealed partial class AuthorisationMatrixTests(CanaryServers servers) : IClassFixture<CanaryServers>
{
    private static readonly string[] Markers = [CanaryServers.Title, CanaryServers.Reference, CanaryServers.Phrase];

    private readonly Dictionary<(LanternServer, string?), HttpClient> _clients = [];

    [Fact]
    public void EveryRoute_HasARule_AndEveryRuleARoute()
    {
        var routes = Routes(servers.With);
        routes.Where(r => !AccessRules.ByRoute.ContainsKey(r)).ShouldBeEmpty("routes without a rule in AccessRules");
        AccessRules.ByRoute.Keys.Where(k => !routes.Contains(k)).ShouldBeEmpty("rules for routes the app no longer has");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("reader")]
    public async Task PublicRoutes_AnswerTheSame_WithOrWithoutTheRestrictedCanary(string? role)
    {
        var failures = new List<string>();
        var tried = 0;
        foreach (var (route, rule) in AccessRules.ByRoute.Where(r => r.Value.Access is Access.Public or Access.Link or Access.Infrastructure))
        {
            foreach (var path in Expand(rule.Requests))
            {
                tried++;
                var (withStatus, withBody) = await GetAsync(servers.With, role, path);
                var (withoutStatus, withoutBody) = await GetAsync(servers.Without, role, path);
                // A search page echoes its own query; the equality check below still catches any result it finds.
                if (Markers.FirstOrDefault(m => withBody.Contains(m, StringComparison.OrdinalIgnoreCase) && !path.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } marker)
                {
                    failures.Add($"{path} ({route}) shows the canary's \"{marker}\"");
                }
                else if (withStatus != withoutStatus)
                {
                    failures.Add($"{path} ({route}) answers {withStatus} with the canary, {withoutStatus} without");
                }
                else if (Normalise(path, withBody) != Normalise(path, withoutBody))
                {
                    failures.Add($"{path} ({route}) differs with the canary: {FirstDifference(Normalise(path, withBody), Normalise(path, withoutBody))}");
                }
            }
        }

        tried.ShouldBeGreaterThan(40);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Editors_SeeTheCanary_WhereReadersDoNot()
    {
        foreach (var role in new[] { "editor", "admin" })
        {
            (await GetAsync(servers.With, role, "/search?q=zephyrquill")).Body.ShouldContain(CanaryServers.Title);
            (await GetAsync(servers.With, role, $"/api/v1/documents/{servers.CanaryDocumentId}")).Status.ShouldBe(HttpStatusCode.OK);
            (await GetAsync(servers.With, role, $"/reviews/{servers.CanaryReviewIds[0]}")).Body.ShouldContain(CanaryServers.Reference);
            (await GetAsync(servers.With, role, $"/activities/{servers.CanaryActivityId}")).Body.ShouldContain(CanaryServers.Title);
            (await GetAsync(servers.With, role, $"/api/v1/activities/{servers.CanaryActivityId}/feedback.csv")).Body.ShouldContain(CanaryServers.Title);
            (await GetAsync(servers.With, role, $"/reviews/{servers.CanaryReviewIds[0]}/dates")).Status.ShouldBe(HttpStatusCode.OK);
            using var report = System.Text.Json.JsonDocument.Parse((await GetAsync(servers.With, role, $"/api/v1/report?{CanaryServers.Period}")).Body);
            report.RootElement.GetProperty("activities").GetInt32().ShouldBe(2);
            report.RootElement.GetProperty("reviews").GetProperty("notified").GetInt32().ShouldBe(2);
        }

        // What the readers' equal answers are compared against: the public activity and review dates alone.
        using var readers = System.Text.Json.JsonDocument.Parse((await GetAsync(servers.With, "reader", $"/api/v1/report?{CanaryServers.Period}")).Body);
        readers.RootElement.GetProperty("activities").GetInt32().ShouldBe(1);
        readers.RootElement.GetProperty("reviews").GetProperty("notified").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task EditorAndAdminRoutes_RefuseEveryoneElse()
    {
        var failures = new List<string>();
        foreach (var (route, rule) in AccessRules.ByRoute.Where(r => r.Value.Access is Access.Editor or Access.Admin))
        {
            foreach (var path in Expand(rule.Requests))
            {
                foreach (var role in new[] { null, "reader", "editor", "admin" })
                {
                    var (status, body) = await GetAsync(servers.With, role, path);
                    var allowed = rule.Access == Access.Editor ? role is "editor" or "admin" : role is "admin";
                    var code = (int)status;
                    if (allowed && code is not (200 or 404))
                    {
                        failures.Add($"{path} ({route}) as {role}: {status}, expected it to be allowed");
                    }
                    else if (!allowed && role is null && code is not (302 or 401 or 403 or 404))
                    {
                        failures.Add($"{path} ({route}) anonymous: {status}, expected a refusal or the sign-in page");
                    }
                    else if (!allowed && role is not null && code is not (403 or 404))
                    {
                        failures.Add($"{path} ({route}) as {role}: {status}, expected 403");
                    }

                    if (!allowed && Markers.Any(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{path} ({route}) as {role ?? "anonymous"} shows the canary");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    internal static HashSet<string> Routes(LanternServer server) =>
        [.. server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))];

    private IEnumerable<string> Expand(IEnumerable<string> requests)
    {
        foreach (var request in requests.Select(r => r.Replace("{period}", CanaryServers.Period, StringComparison.Ordinal)))
        {
            if (request.Contains("{activity}", StringComparison.Ordinal))
            {
                yield return request.Replace("{activity}", servers.PublicActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                yield return request.Replace("{activity}", servers.CanaryActivityId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            else if (request.Contains("{doc}", StringComparison.Ordinal))
            {
                yield return request.Replace("{doc}", "1", StringComparison.Ordinal);
                yield return request.Replace("{doc}", servers.CanaryDocumentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
            else if (request.Contains("{review}", StringComparison.Ordinal))
            {
                yield return request.Replace("{review}", "1", StringComparison.Ordinal);
                foreach (var id in servers.CanaryReviewIds)
                {
                    yield return request.Replace("{review}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }
            }
            else
            {
                yield return request;
            }
        }
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(LanternServer server, string? role, string path)
    {
        if (!_clients.TryGetValue((server, role), out var client))
        {
            client = server.NewClient(role);
            _clients[(server, role)] = client;
        }

        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // What may differ between two runs of the same app: tokens, times, trace ids; search ranking (bm25's
    // corpus-wide statistics shift with any added document, so search answers are compared as sets of lines).
    private static string Normalise(string path, string body)
    {
        body = AntiforgeryValue().Replace(body, "TOKEN");
        body = IsoTime().Replace(body, "TIME");
        body = ClockTime().Replace(body, "TIME");
        body = TraceId().Replace(body, "TRACE");
        body = LoopbackPort().Replace(body, "HOST");
        body = Score().Replace(body, "SCORE");
        body = Elapsed().Replace(body, "ELAPSED");
        if (path.Contains("search", StringComparison.OrdinalIgnoreCase))
        {
            body = string.Join("\n", body.Split(['\n', ',', '{', '}', '[', ']']).Select(l => l.Trim()).Order(StringComparer.Ordinal));
        }

        return body;
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        static string Around(string s, int at) => s.Substring(Math.Max(0, at - 60), Math.Min(160, s.Length - Math.Max(0, at - 60)));
        return $"at {i}: «{Around(a, i)}» vs «{Around(b, i)}»";
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(:\d{2})?\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex("\"traceId\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex TraceId();

    [GeneratedRegex("\"(score|rank)\"\\s*:\\s*-?[0-9.eE+-]+")]
    private static partial Regex Score();

    [GeneratedRegex(@"\d+(\.\d+)?\s?ms\b")]
    private static partial Regex Elapsed();
}
