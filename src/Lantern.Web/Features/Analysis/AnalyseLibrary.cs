using Lantern.Core.Model;
using System.Globalization;
using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Recurrence;
using Lantern.Core.Exports;
using Lantern.Core.Exports.RefiQda;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;
using Lantern.Web.Features.Search;
using Microsoft.AspNetCore.Http;

namespace Lantern.Web.Features.Analysis;

/// <summary>
/// Which reviews an analysis page covers, read from the query string with the search page's names (<c>q</c> and one
/// parameter per facet), plus <c>threshold</c> for recurring learning.
/// </summary>
public sealed record AnalysisQuery(string Q, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, double Threshold)
{
    public static AnalysisQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = SearchQuery.From(query);
        var threshold = double.TryParse(query["threshold"], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is > 0 and <= 1
            ? t
            : RecurrenceOptions.DefaultThreshold;
        return new AnalysisQuery(search.Q, search.Filters, threshold);
    }

    public bool IsFiltered => Q.Length > 0 || Filters.Count > 0;

    public ReviewSelection ToSelection(bool includeText = false) => new() { Query = Q, Filters = Filters, IncludeDocumentText = includeText };

    /// <summary>The query string that selects the same reviews (for links between analysis pages and downloads), with a non-default threshold, starting with '?', or "".</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Q.Length > 0)
        {
            parts.Add(new("q", Q));
        }

        foreach (var (facet, values) in Filters)
        {
            parts.AddRange(values.Select(v => new KeyValuePair<string, string?>(facet, v)));
        }

        // A chosen threshold follows the reader between the analysis pages (the others ignore it).
        if (Threshold != RecurrenceOptions.DefaultThreshold)
        {
            parts.Add(new("threshold", Threshold.ToString("0.###", CultureInfo.InvariantCulture)));
        }

        return QueryString.Create(parts).ToUriComponent();
    }

    /// <summary>The filters in words, for "Showing reviews where …".</summary>
    public string Describe() => string.Join("; ",
        (Q.Length > 0 ? [$"matching \u201c{Q}\u201d"] : Array.Empty<string>())
        .Concat(Filters.Select(f => $"{Labels.Facet(f.Key)}: {string.Join(" or ", f.Value.Select(Labels.Display))}")));
}

/// <summary>A downloadable export.</summary>
public sealed record ExportFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// Reads the reviews the current viewer may see that match an <see cref="AnalysisQuery"/> and runs Core's analyses
/// and exporters over them. Pages and the API both call this, so they cannot drift apart.
/// </summary>
public sealed class AnalyseLibrary(IReviewLibrary library, IViewerAccessor viewers, TimeProvider? clock = null, RecurrenceCache? cache = null)
{
    public static readonly IReadOnlyList<string> ExportFormats = ["csv", "json", "qdc", "qdpx"];

    /// <summary>
    /// The selection's reviews (their labels and themes; their learning points only with <paramref name="withLearning"/>),
    /// or the library's message when the query or a filter cannot be understood.
    /// </summary>
    public async Task<(IReadOnlyList<AnalysisReview> Reviews, string? Error)> ReviewsAsync(AnalysisQuery query, CancellationToken cancellationToken, bool withLearning = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var error = await CheckAsync(query, cancellationToken);
        if (error is not null)
        {
            return ([], error);
        }

        var reviews = new List<AnalysisReview>();
        await foreach (var review in library.StreamAnalysisReviewsAsync(query.ToSelection(), viewers.Current, withLearning, cancellationToken))
        {
            reviews.Add(review);
        }

        return (reviews, null);
    }

    /// <summary>Recurring learning over the selection at the query's threshold.</summary>
    public Task<(RecurrenceResult Result, string? Error)> RecurrenceAsync(AnalysisQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ComputeRecurrenceAsync(query, cancellationToken);
    }

    /// <summary>
    /// The recurring groups (over every review the viewer may see, at the default threshold) that the learning of
    /// review <paramref name="reviewId"/> belongs to, most widespread first. Shared for a short while between review
    /// pages (see <see cref="RecurrenceCache"/>); the recurring page itself always regroups.
    /// </summary>
    public async Task<IReadOnlyList<RecurringGroup>> GroupsOfReviewAsync(long reviewId, CancellationToken cancellationToken)
    {
        var viewer = viewers.Current;
        var overview = await library.GetOverviewAsync(viewer, cancellationToken);
        if (overview.ReviewCount > WholeLibraryGroupingLimit)
        {
            return await NeighbourhoodGroupsAsync(reviewId, viewer, cancellationToken);
        }

        var everything = new AnalysisQuery("", new Dictionary<string, IReadOnlyList<string>>(), RecurrenceOptions.DefaultThreshold);
        // Keyed by what this viewer may see, so restricted learning never reaches a reader through the cache.
        var key = viewer.CanSeeRestricted ? "restricted" : "public";
        var (result, _) = cache is null
            ? await ComputeRecurrenceAsync(everything, cancellationToken)
            : await cache.GetAsync(key, () => ComputeRecurrenceAsync(everything, CancellationToken.None)).WaitAsync(cancellationToken);
        return [.. result.Groups.Where(g => g.ReviewIds.Contains(reviewId))];
    }

    /// <summary>Above this many reviews a review page does not group the whole library (seconds to minutes at 100k).</summary>
    public const int WholeLibraryGroupingLimit = 5000;

    /// <summary>How many of the most alike reviews a large library's review page groups the review's learning with.</summary>
    public const int NeighbourhoodSize = 150;

    /// <summary>
    /// A large library's review page: the review's learning grouped with its most alike reviews (the full-text
    /// index's more-like-this, visibility applied there), so the page stays bounded; the recurring page groups all.
    /// </summary>
    private async Task<IReadOnlyList<RecurringGroup>> NeighbourhoodGroupsAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken)
    {
        var neighbours = await library.MoreLikeThisAsync(reviewId, viewer, NeighbourhoodSize, cancellationToken);
        var selection = new ReviewSelection { ReviewIds = [reviewId, .. neighbours.Select(n => n.Id)] };
        var reviews = new List<AnalysisReview>();
        await foreach (var review in library.StreamAnalysisReviewsAsync(selection, viewer, withLearning: true, cancellationToken))
        {
            reviews.Add(review);
        }

        // One request's small grouping stays on its own thread: under load, review pages fanning out over every core
        // each blocked pool threads waiting for the others (64 cold pages, 32 at a time, took longer than one by one).
        var result = RecurringLearningFinder.Find(reviews, new RecurrenceOptions { Threshold = RecurrenceOptions.DefaultThreshold, UseAllCores = false });
        return [.. result.Groups.Where(g => g.ReviewIds.Contains(reviewId))];
    }

    private async Task<(RecurrenceResult Result, string? Error)> ComputeRecurrenceAsync(AnalysisQuery query, CancellationToken cancellationToken)
    {
        var (reviews, error) = await ReviewsAsync(query, cancellationToken, withLearning: true);
        return (RecurringLearningFinder.Find(reviews, new RecurrenceOptions { Threshold = query.Threshold }), error);
    }

    /// <summary>An export of the selection in one of <see cref="ExportFormats"/>; null for an unknown format; an error message for a bad selection.</summary>
    public async Task<(ExportFile? File, string? Error)> ExportAsync(string format, AnalysisQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        format = (format ?? "").ToLowerInvariant();
        if (!ExportFormats.Contains(format))
        {
            return (null, null);
        }

        var error = await CheckAsync(query, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        var reviews = new List<ExportReview>();
        await foreach (var detail in library.StreamReviewsAsync(query.ToSelection(includeText: format is "csv" or "qdpx"), viewers.Current, cancellationToken))
        {
            reviews.Add(detail.ToExportReview());
        }

        using var stream = new MemoryStream();
        switch (format)
        {
            case "csv":
                TidyCsv.WriteZip(reviews, stream);
                return (new ExportFile(stream.ToArray(), "application/zip", "lantern-csv.zip"), null);
            case "json":
                RecordExport.Write(reviews, stream);
                return (new ExportFile(stream.ToArray(), "application/json", "lantern-records.json"), null);
            case "qdc":
                RefiQdaExport.WriteCodebook(stream, extraCodes: reviews.SelectMany(r => r.Themes));
                return (new ExportFile(stream.ToArray(), "application/xml", "lantern-codebook.qdc"), null);
            default:
                RefiQdaExport.WriteProject(reviews, (clock ?? TimeProvider.System).GetUtcNow(), stream);
                return (new ExportFile(stream.ToArray(), "application/zip", "lantern.qdpx"), null);
        }
    }

    private async Task<string?> CheckAsync(AnalysisQuery query, CancellationToken cancellationToken)
    {
        if (!query.IsFiltered)
        {
            return null;
        }

        var check = await library.SearchAsync(new SearchRequest { Query = query.Q, Filters = query.Filters, PageSize = 1 }, viewers.Current, cancellationToken);
        return check.QueryError;
    }
}
