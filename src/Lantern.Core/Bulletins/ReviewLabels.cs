using System.Globalization;
using Lantern.Core.Model;

namespace Lantern.Core.Bulletins;

/// <summary>Plain-English names for a review and its facts, as a bulletin prints them.</summary>
internal static class ReviewLabels
{
    public static string TypeName(string? type) => type switch
    {
        "scr" => "Serious case review",
        "silp" => "Significant incident learning process",
        "rapid-review" => "Rapid review",
        "lcspr" => "Local child safeguarding practice review",
        "learning-review" => "Learning review",
        _ => "Review",
    };

    /// <summary>"Serious case review GN13", "Rapid review (Child H)", or "Review 2" when nothing names it.</summary>
    public static string Label(Review review)
    {
        var type = TypeName(review.Type?.Value);
        var reference = review.Reference?.Value;
        var name = review.Name?.Value;
        if (!string.IsNullOrWhiteSpace(reference))
        {
            return string.IsNullOrWhiteSpace(name) ? $"{type} {reference}" : $"{type} {reference} ({name})";
        }

        return string.IsNullOrWhiteSpace(name)
            ? $"{type} {(review.Index + 1).ToString(CultureInfo.InvariantCulture)}"
            : $"{type}: {name}";
    }

    /// <summary>The shortest name that identifies the review in a list: its reference, else its name, else its label.</summary>
    public static string ShortReference(Review review) =>
        review.Reference?.Value is { Length: > 0 } reference ? reference
        : review.Name?.Value is { Length: > 0 } name ? name
        : Label(review);

    /// <summary>One line for a list of reviews: label, year and publisher.</summary>
    public static string Line(BulletinSource source)
    {
        var parts = new List<string> { Label(source.Review) };
        if (source.Review.Year?.Value is { } year)
        {
            parts.Add(year.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(source.Publisher))
        {
            parts.Add(source.Publisher);
        }

        return string.Join(", ", parts);
    }

    public static IReadOnlyList<string> CaseFacts(Review review)
    {
        var facts = new List<string> { $"Type of review: {TypeName(review.Type?.Value).ToLowerInvariant()}" };
        if (review.Year?.Value is { } year)
        {
            facts.Add($"Year: {year.ToString(CultureInfo.InvariantCulture)}");
        }

        if (review.Child.AgeBand?.Value is { } band)
        {
            facts.Add($"The child's age: {AgeBand(band)}");
        }

        if (review.Outcome?.Value is { } outcome)
        {
            facts.Add(outcome switch
            {
                "died" => "Outcome: the child died",
                "serious-harm" => "Outcome: the child was seriously harmed",
                _ => "Outcome: other",
            });
        }

        if (review.Harm.Count > 0)
        {
            facts.Add($"Harm: {string.Join(", ", review.Harm.Select(h => h.Code.Replace('-', ' ')))}");
        }

        return facts;
    }

    private static string AgeBand(string band) => band switch
    {
        "under-1" => "under one year",
        "16-17" => "16 to 17 years",
        _ when band.Split('-') is [var from, var to] => $"{from} to {to} years",
        _ => band,
    };
}
