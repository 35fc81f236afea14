using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;
using Lantern.Core.Exports;
using Lantern.Core.Exports.RefiQda;

namespace Lantern.Core.Tests.Exports;

public sealed class RefiQdaExportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly XNamespace Ns = RefiQdaSchemas.ProjectNamespace;

    private static (XDocument Project, Dictionary<string, string> Sources) WriteAndOpen(IReadOnlyList<ExportReview> reviews)
    {
        using var stream = new MemoryStream();
        RefiQdaExport.WriteProject(reviews, At, stream);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var project = XDocument.Load(zip.GetEntry("project.qde")!.Open());
        var sources = zip.Entries.Where(e => e.FullName.StartsWith("sources/", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => new StreamReader(e.Open()).ReadToEnd());
        return (project, sources);
    }

    private static string SliceCodePoints(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().ToArray();
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }

    [Fact]
    public void WriteProject_SampleCorpus_IsAZipWhoseProjectValidatesAgainstProjectXsd()
    {
        var (project, sources) = WriteAndOpen(SampleExports.Reviews);

        RefiQdaSchemas.ValidateProject(project).ShouldBeEmpty();
        var textSources = project.Descendants(Ns + "TextSource").ToList();
        textSources.Count.ShouldBe(SampleExports.Reviews.Select(r => r.DocumentId).Distinct().Count());
        foreach (var source in textSources)
        {
            var path = source.Attribute("plainTextPath")!.Value;
            path.ShouldStartWith("internal://");
            sources.ShouldContainKey(path["internal://".Length..]);
            path.ShouldBe($"internal://{source.Attribute("guid")!.Value}.txt");
        }

        project.Descendants(Ns + "Case").Count().ShouldBe(SampleExports.Reviews.Count);
        project.Descendants().Attributes("guid").Select(a => a.Value).ShouldBeUnique();
    }

    [Fact]
    public void WriteProject_EachSelectionSlicesToTheEvidenceTextAndCodesAThemeOfTheCodebook()
    {
        var reviews = SampleExports.Reviews;
        var (project, sources) = WriteAndOpen(reviews);
        var codeGuids = project.Descendants(Ns + "Code").ToDictionary(c => c.Attribute("guid")!.Value, c => c.Attribute("name")!.Value);

        var selections = project.Descendants(Ns + "PlainTextSelection").ToList();
        selections.ShouldNotBeEmpty();
        foreach (var selection in selections)
        {
            var source = selection.Parent!;
            var text = sources[source.Attribute("plainTextPath")!.Value["internal://".Length..]];
            var start = int.Parse(selection.Attribute("startPosition")!.Value, CultureInfo.InvariantCulture);
            var end = int.Parse(selection.Attribute("endPosition")!.Value, CultureInfo.InvariantCulture);
            var sliced = SliceCodePoints(text, start, end);
            var themes = selection.Elements(Ns + "Coding").Select(c => codeGuids[c.Element(Ns + "CodeRef")!.Attribute("targetGUID")!.Value]).ToList();
            themes.ShouldNotBeEmpty();
            var review = reviews.Single(r => r.DocumentName == source.Attribute("name")!.Value && selection.Attribute("name")!.Value.StartsWith(r.Title + ":", StringComparison.Ordinal)
                && themes.All(t => r.Themes.Contains(t)));
            // The source in the project is the review's own text, so positions counted in it point at the evidence.
            text.ShouldBe(review.DocumentText);
            sliced.Trim().Length.ShouldBeGreaterThan(0);
            foreach (var theme in themes)
            {
                review.EvidenceFor(theme).Select(s => s.Slice(review.DocumentText)).ShouldContain(sliced);
            }
        }
    }

    [Fact]
    public void WriteProject_TextWithCharactersOutsideTheBasicPlane_CountsPositionsInCodePoints()
    {
        var review = SampleExports.WithAstralCharacters();
        var (project, sources) = WriteAndOpen([review]);

        RefiQdaSchemas.ValidateProject(project).ShouldBeEmpty();
        var automatic = project.Descendants(Ns + "PlainTextSelection").First(s => s.Attribute("name")!.Value.Contains("information-sharing", StringComparison.Ordinal));
        var start = int.Parse(automatic.Attribute("startPosition")!.Value, CultureInfo.InvariantCulture);
        start.ShouldBe(review.DocumentText.IndexOf("agencies", StringComparison.Ordinal) - 1);
        SliceCodePoints(sources.Values.Single(), start, int.Parse(automatic.Attribute("endPosition")!.Value, CultureInfo.InvariantCulture))
            .ShouldBe("agencies must share information promptly.");
        project.Descendants(Ns + "Code").Select(c => c.Attribute("name")!.Value).ShouldContain("local-theme");
    }

    [Fact]
    public void Codebook_IsValidAgainstTheCodebookSchemaAndSharesGuidsWithTheProject()
    {
        var codebook = RefiQdaExport.Codebook();

        RefiQdaSchemas.ValidateCodebook(codebook).ShouldBeEmpty();
        var codes = codebook.Descendants(RefiQdaSchemas.CodebookNamespace + "Code").Where(c => c.Attribute("isCodable")!.Value == "true").ToList();
        codes.Select(c => c.Attribute("name")!.Value).ShouldContain("information-sharing");
        codes.Single(c => c.Attribute("name")!.Value == "information-sharing").Attribute("guid")!.Value.ShouldBe(RefiQdaExport.CodeGuid("information-sharing"));
    }

    [Fact]
    public void ValidateProject_ABrokenDocument_ReportsErrors()
    {
        var broken = new XDocument(new XElement(Ns + "Project", new XElement(Ns + "Users")));

        RefiQdaSchemas.ValidateProject(broken).ShouldNotBeEmpty();
    }
}
