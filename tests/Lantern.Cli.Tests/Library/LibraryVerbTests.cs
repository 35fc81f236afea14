using System.Text.Json;
using Lantern.Core.Records;

namespace Lantern.Cli.Tests.Library;

/// <summary>search, show, export, code, agreement and reextract over a library of the sample bulletins.</summary>
public sealed class LibraryVerbTests : IAsyncLifetime, IDisposable
{
    private readonly LibraryCli _cli = new();

    public async Task InitializeAsync()
    {
        var result = await _cli.RunAsync("ingest", LibraryCli.SamplesFolder);
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Search_DisguisedCompliance_FindsTheReviewDiscussingIt()
    {
        var result = await _cli.RunAsync("search", "disguised compliance", "--json");

        result.ExitCode.ShouldBe(0);
        using var json = JsonDocument.Parse(result.Output);
        var hits = json.RootElement.GetProperty("hits");
        hits.GetArrayLength().ShouldBeGreaterThan(0);
        hits[0].GetProperty("snippetHtml").GetString()!.ShouldContain("<mark>");
    }

    [Fact]
    public async Task Search_MalformedQuery_ExitsNonZeroWithOneLine()
    {
        var result = await _cli.RunAsync("search", "AND AND");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Error.ShouldStartWith("lantern: ");
    }

    [Fact]
    public async Task Search_Filter_NarrowsTheResults()
    {
        var all = await _cli.RunAsync("search", "", "--json");
        var filtered = await _cli.RunAsync("search", "", "--json", "--filter", "type=rapid-review");

        using var allJson = JsonDocument.Parse(all.Output);
        using var filteredJson = JsonDocument.Parse(filtered.Output);
        var total = allJson.RootElement.GetProperty("total").GetInt32();
        var rapid = filteredJson.RootElement.GetProperty("total").GetInt32();
        rapid.ShouldBeGreaterThan(0);
        rapid.ShouldBeLessThan(total);
        (await _cli.RunAsync("search", "x", "--filter", "nonsense")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Show_Reference_PrintsFieldsWithQuotedEvidence()
    {
        var result = await _cli.RunAsync("show", "RR 1/22");

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("reference");
        result.Output.ShouldContain("\u201c");
        (await _cli.RunAsync("show", "NO-SUCH-REF")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Export_WritesOneRecordFilePerDocument()
    {
        var folder = Path.Combine(_cli.Folder, "export");

        var result = await _cli.RunAsync("export", "--format", "json", "--out", folder);

        result.ExitCode.ShouldBe(0);
        var files = Directory.GetFiles(folder, "*.json");
        files.Length.ShouldBe(Directory.GetFiles(LibraryCli.SamplesFolder, "*.txt").Length);
        var record = RecordJson.Deserialize(await File.ReadAllTextAsync(files.Single(f => f.EndsWith("003_13b63824d830b1de.json"))));
        record.Document.ShouldBe("003_13b63824d830b1de.txt");
        record.Reviews.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Code_ThenReextract_KeepsTheDecisionAndAgreementReportsIt()
    {
        var add = await _cli.RunAsync("code", "add", "RR 1/22", "recording", "--coder", "ann", "--note", "case notes were thin");
        var second = await _cli.RunAsync("code", "add", "RR 1/22", "recording", "--coder", "bob");
        var unknown = await _cli.RunAsync("code", "add", "RR 1/22", "no-such-theme");

        add.ExitCode.ShouldBe(0, add.Error);
        second.ExitCode.ShouldBe(0, second.Error);
        unknown.ExitCode.ShouldBe(1);
        (await _cli.RunAsync("reextract")).ExitCode.ShouldBe(0);
        var shown = await _cli.RunAsync("show", "RR 1/22", "--json");
        using var json = JsonDocument.Parse(shown.Output);
        json.RootElement.GetProperty("record").GetProperty("themes").EnumerateArray().Select(t => t.GetString()).ShouldContain("recording");

        var agreement = await _cli.RunAsync("agreement");
        agreement.ExitCode.ShouldBe(0);
        agreement.Output.ShouldContain("automatic vs human: 1 review");
        agreement.Output.ShouldContain("ann vs bob: 1 review");
    }
}
