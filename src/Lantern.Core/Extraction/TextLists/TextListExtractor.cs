using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.TextLists;

/// <summary>
/// Fills the review's text lists (learning, good practice, actions, Panel feedback) from the items of its sections of
/// those kinds, in document order. Each item keeps its span.
/// </summary>
public sealed class TextListExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        return review with
        {
            Learning = Items(context, SectionKind.Learning),
            GoodPractice = Items(context, SectionKind.GoodPractice),
            Actions = Items(context, SectionKind.Actions),
            PanelFeedback = Items(context, SectionKind.PanelFeedback),
        };
    }

    private static TextItem[] Items(ReviewContext context, SectionKind kind) =>
        [.. context.Segment.OfKind(kind).SelectMany(s => s.Items).Where(i => i.Text.Length > 0).OrderBy(i => i.Span.Start)];
}
