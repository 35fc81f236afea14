using System.Runtime.CompilerServices;
using Lantern.Core.Analysis;
using Lantern.Core.Exports;
using Lantern.Core.Model;

namespace Lantern.Storage.Abstractions;

/// <summary>Reads for analysis and exports: every matching review at once, not a page of hits.</summary>
public partial interface IReviewLibrary
{
    /// <summary>
    /// Streams every review the viewer may see that matches <paramref name="selection"/> (the same query language and
    /// facet filters as <see cref="SearchAsync"/>, with the same visibility rule), in document and review order, each
    /// with its record, evidence and effective themes. A selection the library cannot understand yields nothing and
    /// sets nothing: check it with <see cref="SearchAsync"/> first when the caller must report the error.
    /// </summary>
    /// <remarks>
    /// The default implementation pages through <see cref="SearchAsync"/> and reads each hit with
    /// <see cref="GetReviewAsync"/>, so any library honours visibility; the SQLite library overrides it with one query.
    /// </remarks>
    async IAsyncEnumerable<ReviewDetail> StreamReviewsAsync(ReviewSelection selection, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(viewer);
        for (var page = 1; ; page++)
        {
            var results = await SearchAsync(new SearchRequest { Query = selection.Query, Filters = selection.Filters, Page = page, PageSize = 100, Sort = SearchSort.Oldest }, viewer, cancellationToken).ConfigureAwait(false);
            if (results.QueryError is not null || results.Hits.Count == 0)
            {
                yield break;
            }

            foreach (var hit in results.Hits)
            {
                var detail = await GetReviewAsync(hit.Review.Id, viewer, cancellationToken).ConfigureAwait(false);
                if (detail is not null)
                {
                    yield return selection.IncludeDocumentText ? detail : detail with { DocumentText = "" };
                }
            }

            if (page * 100 >= results.Total)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Streams the analysis view (<see cref="AnalysisReview"/>: labels, effective themes and, with
    /// <paramref name="withLearning"/>, learning points) of every review <see cref="StreamReviewsAsync"/> would, in the
    /// same order, with the same visibility rule; a selection the library cannot understand yields nothing.
    /// </summary>
    /// <remarks>The default implementation maps <see cref="StreamReviewsAsync"/>; the SQLite/PostgreSQL library reads only the columns it needs.</remarks>
    async IAsyncEnumerable<AnalysisReview> StreamAnalysisReviewsAsync(ReviewSelection selection, Viewer viewer, bool withLearning, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var detail in StreamReviewsAsync(selection, viewer, cancellationToken).ConfigureAwait(false))
        {
            var review = detail.ToAnalysisReview();
            yield return withLearning ? review : review with { Learning = [] };
        }
    }
}

/// <summary>Which reviews an analysis or export covers: a search query (empty: all) and facet filters, as in search.</summary>
public sealed record ReviewSelection
{
    public string Query { get; init; } = "";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Only these reviews (null: every review the query and filters select).</summary>
    public IReadOnlyList<long>? ReviewIds { get; init; }

    /// <summary>Whether to load each document's normalised text (needed for evidence text in exports; default false).</summary>
    public bool IncludeDocumentText { get; init; }
}

/// <summary>Turns library reads into the inputs of Core's analyses and exporters.</summary>
public static class ReviewDetailAnalysisExtensions
{
    /// <summary>The analysis view of a review, with its effective themes.</summary>
    public static AnalysisReview ToAnalysisReview(this ReviewDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return AnalysisReview.From(detail.Summary.Id, detail.Summary.Title, detail.Summary.Publisher, detail.Review, detail.Summary.Themes);
    }

    /// <summary>The export view of a review, with its effective themes and (when loaded) its document's text.</summary>
    public static ExportReview ToExportReview(this ReviewDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new ExportReview
        {
            Id = detail.Summary.Id,
            DocumentId = detail.Summary.DocumentId,
            DocumentName = detail.DocumentName,
            Publisher = detail.Summary.Publisher,
            Title = detail.Summary.Title,
            Review = detail.Review,
            Themes = detail.Summary.Themes,
            DocumentText = detail.DocumentText,
        };
    }
}
