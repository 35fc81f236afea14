using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Reference;

/// <summary>
/// Reads the review's reference from its label line, without the type words: <c>GN13</c>, <c>RR 1/22</c>, <c>Case 1</c>,
/// <c>Family M</c>, <c>2023/04</c> (from "Rapid Review 2023/04"). Null when the review is labelled only by a pseudonym.
/// </summary>
public sealed class ReferenceExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        foreach (var (line, label) in ReviewHeading.Labels(context))
        {
            if (label.Reference is { } reference)
            {
                return review with { Reference = new Evidence<string>(reference, ReviewHeading.SpanOf(line, label.ReferenceAt)) };
            }
        }

        return review;
    }
}
