using Lantern.Core.Model;
using Lantern.Storage.Records;
using Lantern.Storage.Sqlite;

namespace Lantern.Storage.Library;

/// <summary>Turns a Core review into the rows that store it.</summary>
internal static class ReviewRows
{
    public const string Learning = "learning";
    public const string GoodPractice = "goodPractice";
    public const string Action = "action";
    public const string PanelFeedback = "panelFeedback";

    /// <summary>The key human coding decisions hang on: the reference when there is one, else the position.</summary>
    public static string KeyFor(string? reference, int ordinal) =>
        string.IsNullOrWhiteSpace(reference) ? $"#{ordinal}" : reference.Trim().ToUpperInvariant();

    public static ReviewRow From(Review review, string documentText, string documentStem, long documentId, string extractorVersion, string? codebookVersion)
    {
        var reference = review.Reference?.Value;
        var name = review.Name?.Value;
        var body = review.Span.Length > 0 ? review.Span.Slice(documentText) : "";
        if (body.Length == 0)
        {
            body = string.Join("\n", new[] { review.Summary?.Text }.Concat(AllItems(review).Select(i => i.Item.Text)).Where(t => !string.IsNullOrEmpty(t)));
        }

        return new ReviewRow
        {
            DocumentId = documentId,
            Ordinal = review.Index,
            ReviewKey = KeyFor(reference, review.Index),
            Reference = reference,
            Name = name,
            Type = review.Type?.Value,
            Year = review.Year?.Value,
            AgeMonths = review.Child.AgeMonths?.Value,
            AgeBand = review.Child.AgeBand?.Value,
            Sex = review.Child.Sex?.Value,
            Outcome = review.Outcome?.Value,
            Summary = review.Summary?.Text,
            Title = TitleFor(reference, name, documentStem, review.Index),
            Body = body,
            RecordJson = ReviewJson.Serialize(review),
            ExtractorVersion = extractorVersion,
            CodebookVersion = codebookVersion,
        };
    }

    /// <summary>The reference column of the full-text index: the reference and the pseudonym, so "Child H" finds the review by name.</summary>
    public static string SearchReference(ReviewRow row) => string.Join(" ", new[] { row.Reference, row.Name }.Where(s => !string.IsNullOrEmpty(s)));

    public static string TitleFor(string? reference, string? name, string documentStem, int ordinal)
    {
        var parts = new[] { reference, name }.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        return parts.Length > 0 ? string.Join(" – ", parts) : $"{documentStem} review {ordinal + 1}";
    }

    public static IEnumerable<ReviewLabelRow> Labels(long reviewId, Review review)
    {
        var all = Kind("harm", review.Harm).Concat(Kind("risk", review.RiskFactors)).Concat(Kind("agency", review.Agencies)).Concat(Kind("theme", review.Themes));
        // A label may be reported twice by an extractor; the table holds one row per code.
        return all.GroupBy(l => (l.Kind, l.Code)).Select(g => g.MaxBy(l => l.Score)!);

        IEnumerable<ReviewLabelRow> Kind(string kind, IEnumerable<CodedLabel> labels) =>
            labels.Select(l => new ReviewLabelRow { ReviewId = reviewId, Kind = kind, Code = l.Code, Score = l.Score, EvidenceJson = ReviewJson.SerializeSpans(l.Spans) });
    }

    public static IEnumerable<LearningPointRow> Items(long reviewId, Review review) =>
        AllItems(review).Select(x => new LearningPointRow
        {
            ReviewId = reviewId,
            Kind = x.Kind,
            Ordinal = x.Ordinal,
            Text = x.Item.Text,
            SpanStart = x.Item.Span.Start,
            SpanLength = x.Item.Span.Length,
        });

    private static IEnumerable<(string Kind, int Ordinal, TextItem Item)> AllItems(Review review) =>
        review.Learning.Select((item, i) => (Learning, i, item))
            .Concat(review.GoodPractice.Select((item, i) => (GoodPractice, i, item)))
            .Concat(review.Actions.Select((item, i) => (Action, i, item)))
            .Concat(review.PanelFeedback.Select((item, i) => (PanelFeedback, i, item)));
}
