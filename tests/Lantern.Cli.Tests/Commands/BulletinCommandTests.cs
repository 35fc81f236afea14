using System.CommandLine;
using System.Text.RegularExpressions;
using Lantern.Cli.Commands;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Tests.Shared;
using Lantern.Tests.Shared.Database;

namespace Lantern.Cli.Tests.Commands;

public sealed partial class BulletinCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"lantern-bulletin-{Guid.NewGuid():N}");

    public BulletinCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestStore.Release(Path.Combine(_folder, "data"));
        Directory.Delete(_folder, recursive: true);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { new BulletinCommand().Build() };
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Db);
        var data = Array.IndexOf(args, "--data");
        if (data >= 0 && TestStore.UsesPostgres && Path.GetFileName(args[data + 1]) == "data")
        {
            args = [.. args, "--db", TestStore.ConnectionStringFor(args[data + 1])!];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string Gold(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "data", "gold", file);
    }

    private string DataFolderWithOpenAndRestrictedReviews()
    {
        var data = Path.Combine(_folder, "data");
        using var library = LanternLibrary.Open(TestStore.For(data), new LanternLibraryOptions { Pipeline = TestPipeline() });
        var open = "# Review OPEN-1\nThemes: information-sharing\n- Agencies must share information with the school nurse.\n";
        var secret = "# Review SECRET-2\nThemes: information-sharing\n- Hidden learning about a surviving sibling.\n";
        library.IngestAsync("open.txt", System.Text.Encoding.UTF8.GetBytes(open), new IngestOptions()).GetAwaiter().GetResult().Status.ShouldBe(IngestStatus.Added);
        library.IngestAsync("secret.txt", System.Text.Encoding.UTF8.GetBytes(secret), new IngestOptions { Visibility = Visibility.Restricted }).GetAwaiter().GetResult().Status.ShouldBe(IngestStatus.Added);
        return data;
    }

    [Fact]
    public void Bulletin_ThemeForAnonymousAudience_LeavesOutRestrictedReviews()
    {
        var data = DataFolderWithOpenAndRestrictedReviews();

        var (exit, output, error) = Run("bulletin", "--data", data, "--theme", "information-sharing", "--format", "md");

        exit.ShouldBe(0, error);
        output.ShouldContain("# Thematic briefing: Information sharing");
        output.ShouldContain("Agencies must share information with the school nurse.");
        output.ShouldNotContain("SECRET");
        output.ShouldNotContain("Hidden learning");
    }

    [Fact]
    public void Bulletin_ThemeWithIncludeRestricted_HasBothReviews()
    {
        var data = DataFolderWithOpenAndRestrictedReviews();

        var (exit, output, error) = Run("bulletin", "--data", data, "--theme", "information-sharing", "--include-restricted");

        exit.ShouldBe(0, error);
        output.ShouldContain("OPEN-1");
        output.ShouldContain("Hidden learning about a surviving sibling.");
    }

    [Fact]
    public void Bulletin_RestrictedReferenceForAnonymousAudience_IsNotFound()
    {
        var data = DataFolderWithOpenAndRestrictedReviews();

        var (exit, output, error) = Run("bulletin", "--data", data, "SECRET-2");

        exit.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("no review 'SECRET-2'");
    }

    [Fact]
    public void Bulletin_ReferenceToHtmlFile_WritesAPage()
    {
        var data = DataFolderWithOpenAndRestrictedReviews();
        var path = Path.Combine(_folder, "out", "open.html");

        var (exit, _, error) = Run("bulletin", "--data", data, "OPEN-1", "--out", path, "--layout", "seven-minute");

        exit.ShouldBe(0, error);
        var html = File.ReadAllText(path);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"en-GB\">");
        html.ShouldContain("Seven-minute briefing");
        html.ShouldContain("Agencies must share information with the school nurse.");
    }

    [Fact]
    public void Bulletin_FileWithRecordJson_WritesBulletinForFirstReview()
    {
        var (exit, output, error) = Run("bulletin", "--file", Gold("000_04d4913e1a034c3d.json"));

        exit.ShouldBe(0, error);
        output.ShouldContain("GN13");
        output.ShouldContain("## Key learning");
        output.ShouldContain("The importance of recognising and assessing domestic abuse and its impact upon children.");
    }

    [RequiresToolFact("pdftotext")]
    public void Bulletin_PdfOut_IsReadableByPdftotext()
    {
        var path = Path.Combine(_folder, "b.pdf");

        var (exit, _, error) = Run("bulletin", "--file", Gold("001_543a515cae674488.json"), "--format", "pdf", "--out", path);

        exit.ShouldBe(0, error);
        var (code, text, _) = ProcessRunner.Run("pdftotext", [path, "-"]);
        code.ShouldBe(0);
        text.ShouldContain("Key learning");
        text.ShouldContain("Questions for practitioners");
    }

    [Fact]
    public void Bulletin_CustomTemplate_IsUsed()
    {
        var template = Path.Combine(_folder, "mine.md");
        File.WriteAllText(template, "# Our bulletin: {{title}}\n{{#learning}}\n* {{text}}\n{{/learning}}\n");

        var (exit, output, error) = Run("bulletin", "--file", Gold("000_04d4913e1a034c3d.json"), "--template", template);

        exit.ShouldBe(0, error);
        output.ShouldStartWith("# Our bulletin:");
        output.ShouldNotContain("## Summary");
    }

    [Fact]
    public void Bulletin_BrokenTemplate_FailsWithLine()
    {
        var template = Path.Combine(_folder, "broken.md");
        File.WriteAllText(template, "# {{title}}\n{{#learning}}\n");

        var (exit, _, error) = Run("bulletin", "--file", Gold("000_04d4913e1a034c3d.json"), "--template", template);

        exit.ShouldBe(2);
        error.ShouldContain("broken.md, line 2");
    }

    [Fact]
    public void Bulletin_NoSubject_FailsWithUsage()
    {
        var (exit, _, error) = Run("bulletin");

        exit.ShouldBe(2);
        error.ShouldContain("give REF, --theme CODE or --file DOC");
    }

    [Fact]
    public void Bulletin_ReferenceAndTheme_FailsWithUsage()
    {
        var (exit, _, error) = Run("bulletin", "RR1", "--theme", "recording");

        exit.ShouldBe(2);
        error.ShouldContain("not both");
    }

    [Fact]
    public void Bulletin_FileWithReference_PicksThatReview()
    {
        var (exit, output, error) = Run("bulletin", "--file", Gold("003_13b63824d830b1de.json"), "rr3/22");

        exit.ShouldBe(0, error);
        output.ShouldContain("# Learning bulletin: Rapid review RR 3/22");
    }

    [Fact]
    public void Bulletin_FileWithTheme_BriefsAcrossItsReviews()
    {
        var (exit, output, error) = Run("bulletin", "--file", Gold("003_13b63824d830b1de.json"), "--theme", "injuries-and-medical-assessment");

        exit.ShouldBe(0, error);
        output.ShouldContain("# Thematic briefing: Injuries and medical assessment");
        output.ShouldContain("## Reviews in this briefing");
        output.ShouldContain("RR 4/22");
    }

    [SqliteOnlyFact("writes a file that is not a SQLite database into the data folder")]
    public void Bulletin_DataFolderNotALibrary_FailsPlainly()
    {
        var data = Path.Combine(_folder, "broken");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, LanternLibrary.DatabaseFileName), "this is not a database, just text that is long enough to fill a header page");

        var (exit, _, error) = Run("bulletin", "--data", data, "RR1");

        exit.ShouldBe(1);
        error.ShouldStartWith("bulletin: the library in");
    }

    [Fact]
    public void Bulletin_PdfWithoutOut_Fails()
    {
        var (exit, _, error) = Run("bulletin", "--file", Gold("000_04d4913e1a034c3d.json"), "--format", "pdf");

        exit.ShouldBe(2);
        error.ShouldContain("--out");
    }

    // A pipeline that reads "# Review REF", "Themes: a, b" and "- learning" lines, so these tests do not depend on the real extractors.
    private static ReviewPipeline TestPipeline()
    {
        var builder = new ReviewPipelineBuilder { Segmenter = new HeadingSegmenter() };
        builder.ReviewExtractors.Add(new KeyedExtractor());
        return builder.Build();
    }

    private sealed class HeadingSegmenter : ISegmenter
    {
        public DocumentLayout Segment(string text, ICollection<Diagnostic> diagnostics)
        {
            var starts = Heading().Matches(text).Select(m => m.Index).Append(text.Length).ToList();
            return new DocumentLayout([.. starts.Zip(starts.Skip(1)).Select(p => new ReviewSegment(SourceSpan.FromBounds(p.First, p.Second), null, []))]);
        }
    }

    private sealed class KeyedExtractor : IReviewExtractor
    {
        public Review Extract(ReviewContext context, Review review)
        {
            var start = context.Segment.Span.Start;
            var segment = context.Segment.Span.Slice(context.Text);
            var heading = Heading().Match(segment);
            var span = context.Segment.Span;
            review = review with { Reference = new Evidence<string>(heading.Groups[1].Value.Trim(), span), Type = new Evidence<string>("rapid-review", span) };
            var themes = Regex.Match(segment, @"^Themes: (.+)$", RegexOptions.Multiline);
            var learning = Regex.Matches(segment, @"^- (.+)$", RegexOptions.Multiline)
                .Select(m => new TextItem(m.Groups[1].Value.Trim(), new SourceSpan(start + m.Groups[1].Index, m.Groups[1].Value.Trim().Length)))
                .ToList();
            return review with
            {
                Learning = learning,
                Themes = [.. themes.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => new CodedLabel(c, 0.9, []))],
            };
        }
    }

    [GeneratedRegex(@"^# Review (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
