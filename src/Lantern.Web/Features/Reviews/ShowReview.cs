using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Features.Analysis;

namespace Lantern.Web.Features.Reviews;

/// <summary>One review with the evidence for every field, marked up in the text it came from.</summary>
public sealed record ReviewView(ReviewDetail Detail, IReadOnlyList<ReviewSummary> MoreLikeThis, SourceSpan Window, string DocumentHtml)
{
    public Review Review => Detail.Review;

    /// <summary>The snippet of text a span covers, for showing a theme's evidence sentence.</summary>
    public string Quote(SourceSpan span) => span.Slice(Detail.DocumentText).Trim();
}

/// <summary>Shows one review for the current viewer; null when it does not exist or the viewer may not see it.</summary>
public sealed class ShowReview(IReviewLibrary library, IViewerAccessor viewers)
{
    /// <summary>How many alike reviews the page lists.</summary>
    public const int MoreLikeThisShown = 5;

    public async Task<ReviewView?> HandleAsync(long reviewId, CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        var detail = await library.GetReviewAsync(reviewId, viewer, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        // Asked for as many as the recurring-learning neighbourhood uses (AnalyseLibrary), so the page's two uses share
        // one cached more-like-this search; the first few are shown.
        var more = (await library.MoreLikeThisAsync(reviewId, viewer, AnalyseLibrary.NeighbourhoodSize, cancellationToken)).Take(MoreLikeThisShown).ToList();
        var spans = AllSpans(detail.Review).ToList();

        // Show the review's own text, widened to take in any evidence that lies outside it (a publisher in a header).
        var text = detail.DocumentText;
        var start = detail.Review.Span.Length > 0 ? detail.Review.Span.Start : 0;
        var end = detail.Review.Span.Length > 0 ? detail.Review.Span.End : text.Length;
        foreach (var span in spans)
        {
            start = Math.Min(start, span.Start);
            end = Math.Max(end, span.End);
        }

        var window = SourceSpan.FromBounds(Math.Clamp(start, 0, text.Length), Math.Clamp(end, 0, text.Length));
        return new ReviewView(detail, more, window, EvidenceText.Render(text, window, spans));
    }

    /// <summary>The review's API shape: the record and summary, without the document text.</summary>
    public async Task<ReviewDetail?> GetAsync(long reviewId, CancellationToken cancellationToken) =>
        await library.GetReviewAsync(reviewId, viewers.Current, cancellationToken);

    internal static IEnumerable<SourceSpan> AllSpans(Review review)
    {
        IEnumerable<SourceSpan> Of<T>(Evidence<T>? e) => e?.Spans ?? [];
        return Of(review.Reference)
            .Concat(Of(review.Name))
            .Concat(Of(review.Type))
            .Concat(Of(review.Year))
            .Concat(Of(review.Child.AgeMonths))
            .Concat(Of(review.Child.AgeBand))
            .Concat(Of(review.Child.Sex))
            .Concat(Of(review.Outcome))
            .Concat(review.Harm.SelectMany(l => l.Spans))
            .Concat(review.RiskFactors.SelectMany(l => l.Spans))
            .Concat(review.Agencies.SelectMany(l => l.Spans))
            .Concat(review.Themes.SelectMany(l => l.Spans))
            .Concat(review.Summary is { } s ? [s.Span] : [])
            .Concat(review.Learning.Select(i => i.Span))
            .Concat(review.GoodPractice.Select(i => i.Span))
            .Concat(review.Actions.Select(i => i.Span))
            .Concat(review.PanelFeedback.Select(i => i.Span));
    }
}
