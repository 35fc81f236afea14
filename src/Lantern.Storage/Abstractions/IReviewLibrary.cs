using Lantern.Core.Model;

namespace Lantern.Storage.Abstractions;

/// <summary>
/// The library as the hosts (CLI, web, API) see it. Every read takes a <see cref="Viewer"/> and never returns,
/// counts or hints at material the viewer may not see.
/// </summary>
public partial interface IReviewLibrary
{
    /// <summary>Loads, extracts and stores one file in a single transaction. Never throws for bad content: the outcome says why.</summary>
    Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, IngestOptions options, CancellationToken cancellationToken = default);

    Task<SearchResults> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken = default);

    Task<ReviewDetail?> GetReviewAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default);

    /// <summary>Finds a review by its printed reference (case-insensitive), or by id when <paramref name="referenceOrId"/> is a number.</summary>
    Task<ReviewDetail?> FindReviewAsync(string referenceOrId, Viewer viewer, CancellationToken cancellationToken = default);

    Task<DocumentDetail?> GetDocumentAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default);

    /// <summary>The original bytes of a document, as received.</summary>
    Task<StoredOriginal?> GetOriginalAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default);

    Task<LibraryOverview> GetOverviewAsync(Viewer viewer, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReviewSummary>> ListReviewsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default);

    /// <summary>Reviews whose text is most like the given one, best first, excluding it.</summary>
    Task<IReadOnlyList<ReviewSummary>> MoreLikeThisAsync(long reviewId, Viewer viewer, int take = 5, CancellationToken cancellationToken = default);
}

public sealed record IngestOptions
{
    /// <summary>
    /// Null (the default): public, unless the sensitive-data check flags the text, then restricted until an editor
    /// clears it. <see cref="Visibility.Public"/>: published as asked even when flagged (the audit trail records that).
    /// <see cref="Visibility.Restricted"/>: restricted.
    /// </summary>
    public Visibility? Visibility { get; init; }

    /// <summary>Who is importing, for the audit trail.</summary>
    public string Actor { get; init; } = "local";

    /// <summary>Where the import came from (the client's IP address over the web), for the audit trail.</summary>
    public string? Address { get; init; }
}

public enum IngestStatus { Added, AlreadyPresent, Rejected }

/// <summary>What happened to one file: added (with its review count), already present, or rejected with why.</summary>
/// <remarks><see cref="SensitiveFindings"/> counts what the sensitive-data check flagged; <see cref="Visibility"/> is what the document got.</remarks>
public sealed record IngestOutcome(
    string FileName, IngestStatus Status, string Message, long? DocumentId = null, int ReviewCount = 0, int SensitiveFindings = 0, Visibility Visibility = Visibility.Public)
{
    /// <summary>Where the file came from (its path as given to a bulk import); null for a single ingest.</summary>
    public string? Source { get; init; }
}

public enum SearchScope { Reviews, LearningPoints }

public enum SearchSort { Relevance, Newest, Oldest }

/// <summary>A search: the query as typed, facet filters (facet name → accepted values), paging and sort.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    public SearchScope Scope { get; init; } = SearchScope.Reviews;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
}

/// <summary>Facet names, as used in <see cref="SearchRequest.Filters"/> and <see cref="SearchResults.Facets"/>.</summary>
public static class Facets
{
    public const string Type = "type";
    public const string Year = "year";
    public const string Publisher = "publisher";
    public const string AgeBand = "ageBand";
    public const string Sex = "sex";
    public const string Outcome = "outcome";
    public const string Harm = "harm";
    public const string RiskFactor = "riskFactor";
    public const string Agency = "agency";
    public const string Theme = "theme";

    public static readonly IReadOnlyList<string> All = [Type, Year, Publisher, AgeBand, Sex, Outcome, Harm, RiskFactor, Agency, Theme];

    /// <summary>
    /// The value a single-valued facet (type, year, publisher, ageBand, sex, outcome) reports for reviews whose text
    /// does not say; filtering by it finds them. With it, the counts of a single-valued facet add up to the total.
    /// </summary>
    public const string NotStated = "not-stated";
}

public sealed record FacetValue(string Value, int Count);

/// <summary>
/// Search results. When the query could not be understood, <see cref="QueryError"/> holds a plain-English message
/// and there are no hits.
/// </summary>
public sealed record SearchResults
{
    public int Total { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
    public string? QueryError { get; init; }

    /// <summary>Plain-English notes on how the query was read (a quote closed, a stray operator left out).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// One hit. <see cref="SnippetHtml"/> is HTML-encoded text in which only the matched words are wrapped in &lt;mark&gt;.
/// For a learning-point search, <see cref="LearningPoint"/> is the matching point.
/// </summary>
public sealed record SearchHit(ReviewSummary Review, string SnippetHtml, double Score, string? LearningPoint = null);

public sealed record ReviewSummary(
    long Id,
    long DocumentId,
    string Title,
    string? Reference,
    string? Name,
    string? Type,
    int? Year,
    string? Publisher,
    string? AgeBand,
    string? Outcome,
    IReadOnlyList<string> Themes,
    Visibility Visibility);

/// <summary>A review with every field and its evidence, and the normalised text the evidence points into.</summary>
public sealed record ReviewDetail(ReviewSummary Summary, Review Review, string DocumentName, string DocumentText, string ExtractorVersion);

public sealed record DocumentSummary(long Id, string FileName, string Format, string Sha256, long Length, string? Publisher, int ReviewCount, DateTimeOffset AddedAt, Visibility Visibility);

public sealed record DocumentDetail(DocumentSummary Summary, IReadOnlyList<ReviewSummary> Reviews, string Text);

public sealed record StoredOriginal(string FileName, string ContentType, byte[] Bytes);

/// <summary>The home page's figures: counts, the newest reviews, and how many reviews carry each theme.</summary>
public sealed record LibraryOverview(int DocumentCount, int ReviewCount, int LearningPointCount, IReadOnlyList<ReviewSummary> RecentReviews, IReadOnlyList<FacetValue> Themes);
