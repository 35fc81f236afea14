using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// Human coding: decisions on a review's themes, kept beside the automatic codes with who and when. The default
/// bodies describe a library without coding (for test doubles); <c>LanternLibrary</c> implements them all.
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// Records a person's decision on one theme of one review. Decisions are appended, never overwritten, and survive
    /// re-extraction. The viewer must be able to edit and see the review.
    /// </summary>
    /// <param name="coder">Who decided; default the viewer's user name.</param>
    Task<CodingOutcome> RecordCodingDecisionAsync(long reviewId, string themeCode, CodingVerdict verdict, Viewer viewer, string? coder = null, string? note = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CodingOutcome(false, "This library does not keep coding decisions."));

    /// <summary>A review's automatic themes, every human decision on it and the effective coding; null when not visible.</summary>
    Task<ReviewCoding?> GetCodingAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReviewCoding?>(null);

    /// <summary>The coding of every visible review, streamed in id order (for agreement reports and exports).</summary>
    IAsyncEnumerable<ReviewCoding> ListCodingAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<ReviewCoding>();
}

/// <summary>Whether a coding decision was stored, and if not, why (unknown review, unknown theme, no right to edit).</summary>
public sealed record CodingOutcome(bool Stored, string Message, CodingDecision? Decision = null);

/// <summary>One review's coding: what the automatic coder said, what people decided, and what counts.</summary>
public sealed record ReviewCoding(
    long ReviewId,
    string Title,
    IReadOnlyList<string> AutomaticThemes,
    IReadOnlyList<CodingDecision> Decisions,
    IReadOnlyList<EffectiveTheme> Effective);
