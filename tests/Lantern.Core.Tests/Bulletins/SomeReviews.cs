using System.Text;
using Lantern.Core.Bulletins;
using Lantern.Core.Model;
using Lantern.Core.Records;

namespace Lantern.Core.Tests.Bulletins;

/// <summary>Test reviews: built from the gold records in tests/data/gold, or by hand.</summary>
internal static class SomeReviews
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>Every review of one gold record as a bulletin source, with a document text its spans point into.</summary>
    public static List<BulletinSource> FromGold(string fileName, Visibility visibility = Visibility.Public)
    {
        var record = RecordJson.Deserialize(File.ReadAllText(Path.Combine(RepoRoot, "tests", "data", "gold", fileName)));
        var text = new StringBuilder();
        var reviews = record.Reviews.Select((r, i) => ToReview(r, i, text)).ToList();
        return [.. reviews.Select(r => new BulletinSource(r, record.Document, record.Publisher, text.ToString(), visibility))];
    }

    public static Review ToReview(ReviewRecord record, int index, StringBuilder text)
    {
        var start = text.Length;
        TextItem Add(string value)
        {
            var item = new TextItem(value, new SourceSpan(text.Length, value.Length));
            text.Append(value).Append('\n');
            return item;
        }

        var summary = record.Summary is null ? null : Add(record.Summary);
        var learning = record.Learning.Select(Add).ToList();
        var good = record.GoodPractice.Select(Add).ToList();
        var actions = record.Actions.Select(Add).ToList();
        var span = SourceSpan.FromBounds(start, text.Length);
        return new Review
        {
            Index = index,
            Span = span,
            Reference = record.Reference is null ? null : new Evidence<string>(record.Reference, span),
            Name = record.Name is null ? null : new Evidence<string>(record.Name, span),
            Type = record.Type is null ? null : new Evidence<string>(record.Type, span),
            Year = record.Year is null ? null : new Evidence<int>(record.Year.Value, span),
            Outcome = record.Outcome is null ? null : new Evidence<string>(record.Outcome, span),
            Child = new ChildDetails { AgeBand = record.Child.AgeBand is null ? null : new Evidence<string>(record.Child.AgeBand, span) },
            Harm = [.. record.Harm.Select(h => new CodedLabel(h, 1, []))],
            Summary = summary,
            Learning = learning,
            GoodPractice = good,
            Actions = actions,
            Themes = [.. record.Themes.Select(t => new CodedLabel(t, 1, []))],
        };
    }

    /// <summary>A small review written by hand.</summary>
    public static Review Review(string reference, string[] learning, string[]? themes = null, string? summary = null, int? year = null, string type = "rapid-review")
    {
        var text = new StringBuilder();
        var record = new ReviewRecord
        {
            Reference = reference,
            Type = type,
            Year = year,
            Summary = summary,
            Learning = learning,
            Themes = themes ?? [],
        };
        return ToReview(record, 0, text);
    }
}
