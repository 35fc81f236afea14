using System.Net;
using System.Security.Cryptography;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;

namespace Lantern.Web.Tests.Support;

/// <summary>
/// A small library in memory for page tests that must not depend on the storage layer's ranking or extraction:
/// each document is one review whose learning points are its lines starting with "-", and a search matches
/// reviews containing every word. Unbalanced quotes and a bare "*" are query errors, as in the real library.
/// </summary>
internal sealed class InMemoryLibrary : IReviewLibrary
{
    private readonly List<(DocumentSummary Doc, string Text, byte[] Bytes, ReviewSummary Summary, Review Review)> _items = [];
    private readonly Lock _lock = new();

    public Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, IngestOptions options, CancellationToken cancellationToken = default)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        lock (_lock)
        {
            if (_items.Find(i => i.Doc.Sha256 == sha) is { Doc: not null } existing)
            {
                return Task.FromResult(new IngestOutcome(fileName, IngestStatus.AlreadyPresent, "already in the library", existing.Doc.Id));
            }

            var text = System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");
            var id = _items.Count + 1;
            var firstLine = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? fileName;
            var learning = new List<TextItem>();
            var offset = 0;
            foreach (var line in text.Split('\n'))
            {
                if (line.TrimStart().StartsWith('-'))
                {
                    learning.Add(new TextItem(line.Trim().TrimStart('-').Trim(), new SourceSpan(offset, line.Length)));
                }

                offset += line.Length + 1;
            }

            var review = new Review
            {
                Span = new SourceSpan(0, text.Length),
                Reference = new Evidence<string>($"R{id}", new SourceSpan(0, Math.Min(firstLine.Length, text.Length))),
                Learning = learning,
                Themes = learning.Count > 0 ? [new CodedLabel("information-sharing", 0.9, [learning[0].Span])] : [],
            };
            var summary = new ReviewSummary(id, id, firstLine, $"R{id}", null, id % 2 == 0 ? "scr" : "rapid-review", 2020 + id, "Test partnership", null, null,
                review.Themes.Select(t => t.Code).ToList(), options.Visibility);
            var doc = new DocumentSummary(id, fileName, "txt", sha, bytes.Length, "Test partnership", 1, DateTimeOffset.UnixEpoch, options.Visibility);
            _items.Add((doc, text, bytes, summary, review));
            return Task.FromResult(new IngestOutcome(fileName, IngestStatus.Added, "added", id, 1));
        }
    }

    private List<(DocumentSummary Doc, string Text, byte[] Bytes, ReviewSummary Summary, Review Review)> Visible(Viewer viewer)
    {
        lock (_lock)
        {
            return _items.Where(i => viewer.CanSee(i.Doc.Visibility)).ToList();
        }
    }

    public Task<SearchResults> SearchAsync(SearchRequest request, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var q = request.Query.Trim();
        if (q.Count(c => c == '"') % 2 == 1 || q == "*" || q.Contains("AND AND", StringComparison.Ordinal))
        {
            return Task.FromResult(new SearchResults { QueryError = "The search could not be understood: check quotes and operators." });
        }

        var words = q.Replace("\"", "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = Visible(viewer)
            .Where(i => words.All(w => i.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(i => !request.Filters.TryGetValue(Facets.Type, out var types) || types.Contains(i.Summary.Type!))
            .ToList();
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            [Facets.Type] = hits.GroupBy(h => h.Summary.Type!).Select(g => new FacetValue(g.Key, g.Count())).ToList(),
        };
        var page = hits.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(h => new SearchHit(h.Summary, WebUtility.HtmlEncode(h.Text[..Math.Min(100, h.Text.Length)]), 1)).ToList();
        return Task.FromResult(new SearchResults { Total = hits.Count, Hits = page, Facets = facets });
    }

    public Task<ReviewDetail?> GetReviewAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Visible(viewer).Where(i => i.Summary.Id == reviewId)
            .Select(i => new ReviewDetail(i.Summary, i.Review, i.Doc.FileName, i.Text, "test")).FirstOrDefault());

    public Task<ReviewDetail?> FindReviewAsync(string referenceOrId, Viewer viewer, CancellationToken cancellationToken = default) =>
        GetReviewAsync(long.TryParse(referenceOrId, out var id) ? id : -1, viewer, cancellationToken);

    public Task<DocumentDetail?> GetDocumentAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Visible(viewer).Where(i => i.Doc.Id == documentId).Select(i => new DocumentDetail(i.Doc, [i.Summary], i.Text)).FirstOrDefault());

    public Task<StoredOriginal?> GetOriginalAsync(long documentId, Viewer viewer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Visible(viewer).Where(i => i.Doc.Id == documentId).Select(i => new StoredOriginal(i.Doc.FileName, "text/plain", i.Bytes)).FirstOrDefault());

    public Task<LibraryOverview> GetOverviewAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var items = Visible(viewer);
        return Task.FromResult(new LibraryOverview(items.Count, items.Count, items.Sum(i => i.Review.Learning.Count),
            items.Select(i => i.Summary).Reverse().Take(5).ToList(),
            items.SelectMany(i => i.Summary.Themes).GroupBy(t => t).Select(g => new FacetValue(g.Key, g.Count())).ToList()));
    }

    public Task<IReadOnlyList<ReviewSummary>> ListReviewsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReviewSummary>>(Visible(viewer).Select(i => i.Summary).Skip(skip).Take(take).ToList());

    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(Viewer viewer, int skip = 0, int take = 50, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DocumentSummary>>(Visible(viewer).Select(i => i.Doc).Skip(skip).Take(take).ToList());

    public Task<IReadOnlyList<ReviewSummary>> MoreLikeThisAsync(long reviewId, Viewer viewer, int take = 5, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReviewSummary>>(Visible(viewer).Where(i => i.Summary.Id != reviewId).Select(i => i.Summary).Take(take).ToList());
}
