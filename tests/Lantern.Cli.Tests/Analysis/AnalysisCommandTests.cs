using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Lantern.Cli.Tests.Library;
using Lantern.Core.Exports.RefiQda;

namespace Lantern.Cli.Tests.Analysis;

public sealed class AnalysisCommandTests
{
    private static async Task<LibraryCli> SampleLibraryAsync()
    {
        var cli = new LibraryCli();
        (await cli.RunAsync("ingest", LibraryCli.SamplesFolder)).ExitCode.ShouldBe(0);
        return cli;
    }

    [Fact]
    public async Task Recurring_SampleLibrary_ListsGroupsAsTextAndJson_AndAStrictThresholdFindsNone()
    {
        using var cli = await SampleLibraryAsync();

        var text = await cli.RunAsync("recurring");
        var json = await cli.RunAsync("recurring", "--json");
        var strict = await cli.RunAsync("recurring", "--json", "--threshold", "0.99");

        text.ExitCode.ShouldBe(0);
        text.Lines[0].ShouldContain("recurring group");
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("groups").GetArrayLength().ShouldBeGreaterThan(0);
        using var none = JsonDocument.Parse(strict.Output);
        none.RootElement.GetProperty("groups").GetArrayLength().ShouldBe(0);
        (await cli.RunAsync("recurring", "--threshold", "2")).ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task Export_Qdpx_WritesAProjectThatValidates()
    {
        using var cli = await SampleLibraryAsync();
        var path = Path.Combine(cli.Folder, "out", "library.qdpx");

        var result = await cli.RunAsync("export", "--format", "qdpx", "--out", path);

        result.ExitCode.ShouldBe(0, result.Error);
        using var zip = ZipFile.OpenRead(path);
        RefiQdaSchemas.ValidateProject(XDocument.Load(zip.GetEntry("project.qde")!.Open())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_CsvWithFilter_OnlyTheFilteredReviews_AndABadFilterFails()
    {
        using var cli = await SampleLibraryAsync();
        var all = Path.Combine(cli.Folder, "all");
        var filtered = Path.Combine(cli.Folder, "filtered.zip");

        (await cli.RunAsync("export", "--format", "csv", "--out", all)).ExitCode.ShouldBe(0);
        (await cli.RunAsync("export", "--format", "csv", "--out", filtered, "--filter", "theme=information-sharing")).ExitCode.ShouldBe(0);
        var bad = await cli.RunAsync("export", "--format", "csv", "--out", filtered, "--filter", "colour=red");

        var allRows = File.ReadAllLines(Path.Combine(all, "reviews.csv")).Length;
        using var zip = ZipFile.OpenRead(filtered);
        using var reader = new StreamReader(zip.GetEntry("reviews.csv")!.Open());
        var filteredRows = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        filteredRows.ShouldBeGreaterThan(1);
        filteredRows.ShouldBeLessThan(allRows);
        bad.ExitCode.ShouldNotBe(0);
        bad.Error.ShouldContain("colour");
    }
}
