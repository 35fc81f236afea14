using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Documents;

/// <summary>
/// The sensitive-data findings of one document, and an editor's decision on them. Editors only: for anyone else
/// there is nothing to show (a reader never learns that a public document was flagged) and clearing is refused.
/// </summary>
public sealed class ReviewSensitiveData(IReviewLibrary library, IViewerAccessor viewers)
{
    public bool CanClear => viewers.Current.CanEdit;

    public async Task<SensitiveReport?> ShowAsync(long documentId, CancellationToken cancellationToken) =>
        viewers.Current.CanSeeRestricted
            ? (await library.ListSensitiveAsync(viewers.Current, documentId, cancellationToken)).FirstOrDefault()
            : null;

    /// <summary>Clears the findings; the document becomes public when <paramref name="publish"/>, else restricted.</summary>
    public Task<bool> ClearAsync(long documentId, bool publish, CancellationToken cancellationToken) =>
        library.ClearSensitiveAsync(documentId, publish ? Visibility.Public : Visibility.Restricted, viewers.Current, cancellationToken);

    /// <summary>
    /// The text cut into pieces, each marked with the index of the finding it belongs to (null for plain text).
    /// Overlapping findings are merged into one highlighted piece, labelled with the first.
    /// </summary>
    public static IReadOnlyList<(string Text, int? Finding)> Highlight(string text, IReadOnlyList<StoredFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var pieces = new List<(string, int?)>();
        var at = 0;
        var ordered = findings.Select((f, i) => (f.Span, Index: i)).OrderBy(f => f.Span.Start).ToList();
        for (var k = 0; k < ordered.Count; k++)
        {
            var start = Math.Clamp(ordered[k].Span.Start, at, text.Length);
            var end = Math.Clamp(ordered[k].Span.End, start, text.Length);
            var index = ordered[k].Index;
            while (k + 1 < ordered.Count && ordered[k + 1].Span.Start < end)
            {
                end = Math.Clamp(Math.Max(end, ordered[++k].Span.End), start, text.Length);
            }

            if (start > at)
            {
                pieces.Add((text[at..start], null));
            }

            if (end > start)
            {
                pieces.Add((text[start..end], index));
            }

            at = end;
        }

        if (at < text.Length)
        {
            pieces.Add((text[at..], null));
        }

        return pieces;
    }
}
