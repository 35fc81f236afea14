using Lantern.Core.Model;
using Lantern.Core.Records;

namespace Lantern.Core.Bulletins;

/// <summary>Makes <see cref="BulletinSource"/>s from a pipeline's extraction or from a record file written by <c>lantern extract</c>.</summary>
public static class BulletinSources
{
    /// <summary>One source per review of an extraction, sharing its text and publisher.</summary>
    public static IReadOnlyList<BulletinSource> FromExtraction(DocumentExtraction extraction, Visibility visibility = Visibility.Public)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        return [.. extraction.Reviews.Select(r => new BulletinSource(r, extraction.DocumentName, extraction.Publisher?.Value, extraction.Text, visibility))];
    }

    /// <summary>
    /// One source per review of a record in the schema's JSON shape. A record keeps no evidence, so the reviews come
    /// back with empty spans and themes that apply to all of their learning.
    /// </summary>
    public static IReadOnlyList<BulletinSource> FromRecord(DocumentRecord record, Visibility visibility = Visibility.Public)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. record.Reviews.Select((r, i) => new BulletinSource(ToReview(r, i), record.Document, record.Publisher, null, visibility))];
    }

    private static Review ToReview(ReviewRecord record, int index)
    {
        var none = new SourceSpan(0, 0);
        Evidence<T>? E<T>(T? value) where T : notnull => value is null ? null : new Evidence<T>(value, none);
        static IReadOnlyList<TextItem> Items(IReadOnlyList<string> texts) => [.. texts.Select(t => new TextItem(t, default))];
        static IReadOnlyList<CodedLabel> Labels(IReadOnlyList<string> codes) => [.. codes.Select(c => new CodedLabel(c, 1, []))];
        return new Review
        {
            Index = index,
            Reference = E(record.Reference),
            Name = E(record.Name),
            Type = E(record.Type),
            Year = record.Year is { } year ? new Evidence<int>(year, none) : null,
            Child = new ChildDetails
            {
                AgeMonths = record.Child.AgeMonths is { } months ? new Evidence<int>(months, none) : null,
                AgeBand = E(record.Child.AgeBand),
                Sex = E(record.Child.Sex),
            },
            Outcome = E(record.Outcome),
            Harm = Labels(record.Harm),
            RiskFactors = Labels(record.RiskFactors),
            Agencies = Labels(record.Agencies),
            Summary = record.Summary is null ? null : new TextItem(record.Summary, default),
            Learning = Items(record.Learning),
            GoodPractice = Items(record.GoodPractice),
            Actions = Items(record.Actions),
            PanelFeedback = Items(record.PanelFeedback),
            Themes = Labels(record.Themes),
        };
    }
}
