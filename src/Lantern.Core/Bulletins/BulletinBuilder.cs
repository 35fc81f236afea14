using System.Globalization;
using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Bulletins;

/// <summary>
/// Builds the content of a learning bulletin for one review, or of a thematic briefing for one theme across reviews,
/// in the structure of partnership bulletins: summary, key learning, good practice, actions taken, questions for
/// practitioners and more information. Only the document's own words are used for learning, good practice and actions.
/// </summary>
public sealed partial class BulletinBuilder
{
    /// <summary>The most questions for practitioners a bulletin carries.</summary>
    public const int MaxQuestions = 6;

    /// <summary>The most themes a review bulletin names (the strongest first).</summary>
    public const int MaxThemes = 4;

    private readonly PractitionerQuestions _questions;

    /// <summary>Creates a builder; <paramref name="questions"/> defaults to <see cref="PractitionerQuestions.Default"/>.</summary>
    public BulletinBuilder(PractitionerQuestions? questions = null)
    {
        _questions = questions ?? PractitionerQuestions.Default;
    }

    /// <summary>The learning bulletin for one review.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public BulletinModel ForReview(BulletinSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var review = source.Review;
        var label = ReviewLabels.Label(review);
        var themes = review.Themes.OrderByDescending(t => t.Score).Take(MaxThemes).Select(t => _questions.For(t.Code)).ToList();
        return new BulletinModel
        {
            Kind = BulletinKind.Review,
            Heading = $"Learning bulletin: {label}",
            Title = label,
            Subtitle = Subtitle(source.Publisher, review.Year?.Value, source.DocumentName),
            Summary = review.Summary?.Text,
            CaseFacts = ReviewLabels.CaseFacts(review),
            WhyItMatters = WhyItMatters(themes),
            Themes = themes,
            Learning = [.. review.Learning.Select(i => new BulletinItem(i.Text))],
            GoodPractice = [.. review.GoodPractice.Select(i => new BulletinItem(i.Text))],
            Actions = [.. review.Actions.Concat(review.PanelFeedback).Select(i => new BulletinItem(i.Text))],
            Questions = Questions(themes),
            MoreInformation = MoreInformation([source]),
        };
    }

    /// <summary>
    /// The thematic briefing for <paramref name="themeCode"/> across <paramref name="sources"/>. Reviews the
    /// <paramref name="viewer"/> may not see, and reviews not coded with the theme, are left out. From each review it
    /// takes the learning, good practice and actions that carry the theme's evidence (every item when the code has no
    /// evidence spans), each marked with the review's reference.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BulletinModel ForTheme(string themeCode, IEnumerable<BulletinSource> sources, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(themeCode);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(viewer);
        var guidance = _questions.For(themeCode);
        var included = sources
            .Where(s => viewer.CanSee(s.Visibility))
            .Select(s => (Source: s, Code: s.Review.Themes.FirstOrDefault(t => string.Equals(t.Code, themeCode, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.Code is not null)
            .OrderBy(x => x.Source.Review.Year?.Value ?? int.MaxValue)
            .ToList();

        var learning = new List<BulletinItem>();
        var goodPractice = new List<BulletinItem>();
        var actions = new List<BulletinItem>();
        foreach (var (source, code) in included)
        {
            var reference = ReviewLabels.ShortReference(source.Review);
            learning.AddRange(Relevant(source.Review.Learning, code!).Select(i => new BulletinItem(i.Text, reference)));
            goodPractice.AddRange(Relevant(source.Review.GoodPractice, code!).Select(i => new BulletinItem(i.Text, reference)));
            actions.AddRange(Relevant(source.Review.Actions, code!).Select(i => new BulletinItem(i.Text, reference)));
        }

        var years = included.Select(x => x.Source.Review.Year?.Value).OfType<int>().ToList();
        var publishers = included.Select(x => x.Source.Publisher).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new BulletinModel
        {
            Kind = BulletinKind.Theme,
            Heading = $"Thematic briefing: {guidance.Title}",
            Title = guidance.Title,
            Subtitle = publishers.Count > 0 ? string.Join(", ", publishers) : null,
            Summary = ThemeSummary(guidance, included.Count, years),
            CaseFacts = [.. included.Select(x => ReviewLabels.Line(x.Source))],
            WhyItMatters = guidance.Why,

            // The theme is the briefing's title, so it is not listed again among the themes.
            Themes = [],
            Learning = learning,
            GoodPractice = goodPractice,
            Actions = actions,
            Questions = [.. guidance.Questions.Take(MaxQuestions)],
            MoreInformation = MoreInformation(included.Select(x => x.Source)),
            Reviews = [.. included.Select(x => ReviewLabels.Line(x.Source))],
        };
    }

    private static IEnumerable<TextItem> Relevant(IReadOnlyList<TextItem> items, CodedLabel code)
    {
        // A code with no evidence (e.g. read back from a record file) cannot say which items it covers, so all count.
        if (code.Spans.Count == 0 || code.Spans.All(s => s.Length == 0))
        {
            return items;
        }

        return items.Where(i => code.Spans.Any(s => s.Start < i.Span.End && i.Span.Start < s.End));
    }

    private static string ThemeSummary(ThemeGuidance guidance, int count, List<int> years)
    {
        var what = count == 1 ? "one review" : $"{count.ToString(CultureInfo.InvariantCulture)} reviews";
        var when = years.Count == 0 ? "" : years.Min() == years.Max()
            ? $" from {years.Min().ToString(CultureInfo.InvariantCulture)}"
            : $" from {years.Min().ToString(CultureInfo.InvariantCulture)} to {years.Max().ToString(CultureInfo.InvariantCulture)}";
        return count == 0
            ? $"No reviews in the library are coded with the theme '{guidance.Title}'."
            : $"This briefing brings together the learning about {guidance.Title.ToLowerInvariant()} from {what}{when}.";
    }

    private static string? Subtitle(string? publisher, int? year, string documentName)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(publisher))
        {
            parts.Add(publisher);
        }

        if (year is { } y)
        {
            parts.Add(y.ToString(CultureInfo.InvariantCulture));
        }

        parts.Add($"from {documentName}");
        return string.Join(", ", parts);
    }

    private static string WhyItMatters(List<ThemeGuidance> themes) => themes.Count switch
    {
        0 => "",
        1 => $"This review's learning is about {themes[0].Title.ToLowerInvariant()}.",
        _ => $"This review's learning is about {string.Join(", ", themes.Take(themes.Count - 1).Select(t => t.Title.ToLowerInvariant()))} and {themes[^1].Title.ToLowerInvariant()}.",
    };

    private List<string> Questions(List<ThemeGuidance> themes)
    {
        // Take the first question of each theme before any theme's second, so the strongest themes are all heard.
        var questions = new List<string>();
        var lists = themes.Where(t => _questions.Has(t.Code)).Select(t => t.Questions).ToList();
        for (var round = 0; questions.Count < MaxQuestions && lists.Any(l => l.Count > round); round++)
        {
            questions.AddRange(lists.Where(l => l.Count > round).Select(l => l[round]).Take(MaxQuestions - questions.Count));
        }

        return questions.Count > 0 ? questions : [.. _questions.General.Questions];
    }

    private static List<string> MoreInformation(IEnumerable<BulletinSource> sources)
    {
        var lines = new List<string>();
        foreach (var source in sources)
        {
            if (source.DocumentText is { } text)
            {
                var span = source.Review.Span.Length > 0 ? source.Review.Span.Slice(text) : text;
                lines.AddRange(WebAddress().Matches(span).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')')));
            }
        }

        lines = [.. lines.Distinct(StringComparer.OrdinalIgnoreCase)];
        lines.AddRange(sources.Select(s => $"Source: {s.DocumentName}{(string.IsNullOrWhiteSpace(s.Publisher) ? "" : $" ({s.Publisher})")}").Distinct(StringComparer.Ordinal));
        return lines;
    }

    [GeneratedRegex(@"https?://[^\s<>()\[\]""]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
