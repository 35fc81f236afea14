using System.Text.RegularExpressions;
using Lantern.Core.Coding;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Outcome;

/// <summary>
/// Reads what happened to the child from the case description: <c>died</c> (death wording), else
/// <c>serious-harm</c> (injury, abuse, exploitation, or any harm label already found), else null.
/// Run after the harm extractor.
/// </summary>
public sealed partial class OutcomeExtractor : IReviewExtractor
{
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        var span = ReviewText.CaseSpan(context, review);
        var slice = span.Slice(context.Text);
        foreach (Match death in Death().Matches(slice))
        {
            var before = slice[Math.Max(0, death.Index - 40)..death.Index];
            if (!NotDeath().IsMatch(before))
            {
                return review with { Outcome = new Evidence<string>("died", new SourceSpan(span.Start + death.Index, death.Length)) };
            }
        }

        if (Harm().Match(slice) is { Success: true } harm)
        {
            return review with { Outcome = new Evidence<string>("serious-harm", new SourceSpan(span.Start + harm.Index, harm.Length)) };
        }

        if (review.Harm.Count > 0)
        {
            return review with { Outcome = new Evidence<string>("serious-harm", review.Harm[0].Spans) };
        }

        return review;
    }

    [GeneratedRegex(@"\b(?:died|dies|death|deaths|deceased|killed|murder(?:ed)?|manslaughter|fatal(?:ly)?|passed away|took (?:his|her|their) own life|suicide|SUDI|stillborn)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Death();

    [GeneratedRegex(@"\b(?:not|no|near|nearly|almost|risk of|could have|might have)\b[^.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotDeath();

    [GeneratedRegex(@"\b(?:injur\w*|abuse\w*|harm(?:ed)?|fractur\w*|bruis\w*|assault\w*|rape[ds]?|exploit\w*|neglect\w*|scald\w*|burn(?:s|ed|t)?|self-harm\w*|overdose\w*|hospitalised|life[- ]threatening)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Harm();
}
