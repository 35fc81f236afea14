// Parameters are documented where they need more than their name.
#pragma warning disable CS1573

using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace Lantern.Core.Exports;

/// <summary>
/// Tidy CSV for R, Excel or NVivo: <c>reviews.csv</c> (one row per review), <c>learning_points.csv</c> (one row per
/// learning point) and <c>review_themes.csv</c> (one row per review and theme, with its evidence text). UTF-8 with a
/// byte-order mark so Excel reads accents; list fields are joined with "; ".
/// </summary>
public static class TidyCsv
{
    public const string ReviewsFile = "reviews.csv";
    public const string LearningPointsFile = "learning_points.csv";
    public const string ReviewThemesFile = "review_themes.csv";

    /// <summary>Separator of list values inside one cell.</summary>
    public const string ListSeparator = "; ";

    /// <summary>Writes the three files into a zip archive on <paramref name="output"/> (left open).</summary>
    public static void WriteZip(IEnumerable<ExportReview> reviews, Stream output)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(output);
        var list = reviews.ToList();
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, write) in Files)
        {
            var created = zip.CreateEntry(name, CompressionLevel.Optimal);
            // A fixed time (the zip format's epoch), so the same reviews always give the same bytes.
            created.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var entry = created.Open();
            using var writer = new StreamWriter(entry, new UTF8Encoding(true));
            write(list, writer);
        }
    }

    /// <summary>Writes the three files into <paramref name="folder"/> (created when missing), replacing any there.</summary>
    public static void WriteFolder(IEnumerable<ExportReview> reviews, string folder)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        Directory.CreateDirectory(folder);
        var list = reviews.ToList();
        foreach (var (name, write) in Files)
        {
            using var writer = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(true));
            write(list, writer);
        }
    }

    private static readonly (string Name, Action<List<ExportReview>, TextWriter> Write)[] Files =
    [
        (ReviewsFile, WriteReviews),
        (LearningPointsFile, WriteLearningPoints),
        (ReviewThemesFile, WriteReviewThemes),
    ];

    /// <summary>One row per review.</summary>
    public sealed record ReviewRow(
        long ReviewId, string Document, string? Publisher, string Title, string? Reference, string? Name, string? Type, int? Year,
        int? AgeMonths, string? AgeBand, string? Sex, string? Outcome, string Harm, string RiskFactors, string Agencies, string Themes,
        int LearningPoints, string? Summary);

    /// <summary>One row per learning point; <c>Start</c>/<c>End</c> are UTF-16 offsets into the document's normalised text.</summary>
    public sealed record LearningPointRow(long ReviewId, int Ordinal, string Text, int Start, int End);

    /// <summary>One row per review and theme; <c>Source</c> is <c>automatic</c> or <c>human</c>.</summary>
    public sealed record ReviewThemeRow(long ReviewId, string Theme, string Source, string Evidence);

    private static void WriteReviews(List<ExportReview> reviews, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(reviews.Select(r => new ReviewRow(
            r.Id, r.DocumentName, r.Publisher, r.Title, r.Review.Reference?.Value, r.Review.Name?.Value, r.Review.Type?.Value, r.Review.Year?.Value,
            r.Review.Child.AgeMonths?.Value, r.Review.Child.AgeBand?.Value, r.Review.Child.Sex?.Value, r.Review.Outcome?.Value,
            Join(r.Review.Harm.Select(l => l.Code)), Join(r.Review.RiskFactors.Select(l => l.Code)), Join(r.Review.Agencies.Select(l => l.Code)),
            Join(r.Themes), r.Review.Learning.Count, r.Review.Summary?.Text)));
    }

    private static void WriteLearningPoints(List<ExportReview> reviews, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(reviews.SelectMany(r => r.Review.Learning.Select((item, i) => new LearningPointRow(r.Id, i + 1, item.Text, item.Span.Start, item.Span.End))));
    }

    private static void WriteReviewThemes(List<ExportReview> reviews, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(reviews.SelectMany(r => r.Themes.Distinct(StringComparer.Ordinal).Select(theme => new ReviewThemeRow(
            r.Id, theme, r.IsAutomatic(theme) ? "automatic" : "human",
            r.DocumentText.Length == 0 ? "" : string.Join(" \u2026 ", r.EvidenceFor(theme).Select(s => Clean(s.Slice(r.DocumentText))))))));
    }

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values.Distinct(StringComparer.Ordinal));

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
