using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Coding;

/// <summary>
/// Assigns practice themes from a review's learning, good practice, actions and Panel feedback (never from the case
/// summary alone, as the codebook requires). Each theme carries its score in [0, 1] and the sentences that support it.
/// Runs last in the pipeline, after the structure extractors have filled the text lists.
/// </summary>
public sealed class ThemeCoder : IReviewExtractor
{
    // The built-in codebook is compiled once and shared: compiling several hundred patterns per coder is wasteful.
    private static readonly Lazy<CueMatcher> BuiltIn = new(() => new CueMatcher(Codebook.BuiltIn));

    private readonly CueMatcher _matcher;

    /// <summary>Codes with <paramref name="codebook"/> (the built-in one when null).</summary>
    /// <exception cref="ArgumentException">A hand-built codebook holds an invalid pattern (loaded codebooks are validated).</exception>
    public ThemeCoder(Codebook? codebook = null) =>
        _matcher = codebook is null || ReferenceEquals(codebook, Codebook.BuiltIn) ? BuiltIn.Value : new CueMatcher(codebook);

    /// <summary>The codebook in use; its <see cref="Codebook.Version"/> should be stored with each coding.</summary>
    public Codebook Codebook => _matcher.Codebook;

    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        return review with { Themes = Code(context.Text, review) };
    }

    /// <summary>The themes the review's coded items support, in codebook order.</summary>
    public IReadOnlyList<CodedLabel> Code(string text, Review review)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(review);
        var spans = new List<SourceSpan>();
        // The items of CodedItems in its order, without chaining enumerators.
        ReadOnlySpan<IReadOnlyList<TextItem>> lists = [review.Learning, review.GoodPractice, review.Actions, review.PanelFeedback];
        foreach (var items in lists)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Span.Length > 0)
                {
                    spans.Add(items[i].Span);
                }
            }
        }

        return spans.Count == 0 ? [] : _matcher.Code(text, spans);
    }

    /// <summary>The items themes are coded from: learning, good practice, actions and Panel feedback.</summary>
    public static IEnumerable<TextItem> CodedItems(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Learning.Concat(review.GoodPractice).Concat(review.Actions).Concat(review.PanelFeedback);
    }
}
