using System.Text;
using System.Text.Json;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Coding;

/// <summary>
/// Builds reviews from the gold records (tests/data/gold) so the label extractors and theme coder can be measured
/// without the segmenter: each review's summary and items are laid out as a small document whose spans point into it.
/// </summary>
internal static class GoldHarness
{
    internal sealed record GoldReview(string Document, JsonElement Gold, string Text, ReviewContext Context, Review Review)
    {
        public string Label => $"{Document}#{Gold.GetProperty("reference").GetString() ?? Gold.GetProperty("name").GetString() ?? "?"}";

        public IReadOnlyList<string> Codes(string field) => [.. Gold.GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

        public string? Scalar(string field) => Get(Gold, field);

        private static string? Get(JsonElement element, string field)
        {
            var parts = field.Split('.');
            foreach (var part in parts)
            {
                element = element.GetProperty(part);
            }

            return element.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number => element.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => element.GetString(),
            };
        }
    }

    public static string GoldFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "data", "gold")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("tests/data/gold not found above the test binaries")
            : Path.Combine(dir.FullName, "tests", "data", "gold");
    }

    public static IReadOnlyList<GoldReview> Load()
    {
        var reviews = new List<GoldReview>();
        foreach (var file in Directory.GetFiles(GoldFolder(), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var gold in doc.RootElement.GetProperty("reviews").EnumerateArray())
            {
                reviews.Add(Build(Path.GetFileName(file), gold.Clone()));
            }
        }

        return reviews;
    }

    public static GoldReview Build(string document, JsonElement gold)
    {
        var text = new StringBuilder();
        var heading = gold.GetProperty("reference").GetString() ?? gold.GetProperty("name").GetString() ?? "Review";
        var headingSpan = Append(text, heading);
        text.Append("\n\n");
        TextItem? summary = null;
        if (gold.GetProperty("summary").GetString() is { } s)
        {
            summary = new TextItem(s, Append(text, s));
            text.Append("\n\n");
        }

        var lists = new Dictionary<string, List<TextItem>>();
        var sections = new List<Section>();
        foreach (var (field, title, kind) in new[]
        {
            ("learning", "Learning", SectionKind.Learning), ("goodPractice", "Good practice", SectionKind.GoodPractice),
            ("actions", "Actions", SectionKind.Actions), ("panelFeedback", "Panel feedback", SectionKind.PanelFeedback),
        })
        {
            var items = new List<TextItem>();
            var start = text.Length;
            text.Append(title).Append("\n\n");
            foreach (var item in gold.GetProperty(field).EnumerateArray().Select(e => e.GetString()!))
            {
                text.Append("- ");
                items.Add(new TextItem(item, Append(text, item)));
                text.Append('\n');
            }

            text.Append('\n');
            lists[field] = items;
            sections.Add(new Section(kind, SourceSpan.FromBounds(start, text.Length), null, items));
        }

        var all = text.ToString();
        var segment = new ReviewSegment(new SourceSpan(0, all.Length), headingSpan, sections);
        var context = new ReviewContext(all, new DocumentLayout([segment]), segment);
        var review = new Review
        {
            Span = segment.Span,
            Summary = summary,
            Learning = lists["learning"],
            GoodPractice = lists["goodPractice"],
            Actions = lists["actions"],
            PanelFeedback = lists["panelFeedback"],
        };
        return new GoldReview(document, gold, all, context, review);
    }

    private static SourceSpan Append(StringBuilder text, string value)
    {
        var start = text.Length;
        text.Append(value);
        return new SourceSpan(start, value.Length);
    }
}

/// <summary>Micro precision/recall/F1 over label sets, as tools/score.py computes them.</summary>
internal sealed class SetScore
{
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }

    public void Add(IEnumerable<string> gold, IEnumerable<string> predicted)
    {
        var g = gold.ToHashSet(StringComparer.Ordinal);
        var p = predicted.ToHashSet(StringComparer.Ordinal);
        TruePositives += g.Intersect(p).Count();
        FalsePositives += p.Except(g).Count();
        FalseNegatives += g.Except(p).Count();
    }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"P={Precision:F3} R={Recall:F3} F1={F1:F3} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
}
