using Lantern.Core.Bulletins;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Bulletins;

/// <summary>A rendered bulletin: its bytes, MIME type and a file name for the download.</summary>
public sealed record BulletinFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// A learning bulletin (or seven-minute briefing) for one review, or a thematic briefing for one theme, for the
/// current viewer: a review the viewer may not see is not found, and a theme briefing reads only the reviews the
/// viewer may see (public only, unless the viewer may see restricted material).
/// </summary>
public sealed class DownloadBulletin(IReviewLibrary library, IViewerAccessor viewers)
{
    // A thematic briefing reads at most this many reviews.
    private const int MaxThemeReviews = 500;
    private const int PageSize = 100;

    public async Task<BulletinFile?> ForReviewAsync(long reviewId, string? format, string? layout, CancellationToken cancellationToken)
    {
        var detail = await library.GetReviewAsync(reviewId, viewers.Current, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var model = await WithLocalResourcesAsync(new BulletinBuilder().ForReview(ToSource(detail)), [.. detail.Summary.Themes], cancellationToken);
        var name = layout == "seven-minute" ? "seven-minute-briefing" : "bulletin";
        return Render(model, format, layout, $"{Slug(detail.Summary.Reference ?? detail.Summary.Title)}-{name}");
    }

    public async Task<BulletinFile?> ForThemeAsync(string themeCode, string? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(themeCode);
        var viewer = viewers.Current;
        var sources = new List<BulletinSource>();
        for (var page = 1; sources.Count < MaxThemeReviews; page++)
        {
            var results = await library.SearchAsync(new SearchRequest
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { [Facets.Theme] = [themeCode] },
                Page = page,
                PageSize = PageSize,
                Sort = SearchSort.Oldest,
            }, viewer, cancellationToken);
            foreach (var hit in results.Hits)
            {
                if (await library.GetReviewAsync(hit.Review.Id, viewer, cancellationToken) is { } detail)
                {
                    sources.Add(ToSource(detail));
                }
            }

            if (results.Hits.Count < PageSize)
            {
                break;
            }
        }

        if (sources.Count == 0)
        {
            return null;
        }

        // The builder leaves out anything the viewer may not see as well: the library's filter is not the only guard.
        var model = await WithLocalResourcesAsync(new BulletinBuilder().ForTheme(themeCode, sources, viewer), [themeCode], cancellationToken);
        return Render(model, format, "bulletin", $"{Slug(themeCode)}-thematic-briefing");
    }

    private static BulletinFile Render(BulletinModel model, string? format, string? layout, string baseName)
    {
        var template = BulletinTemplates.BuiltIn(layout == "seven-minute" ? BulletinLayout.SevenMinute : BulletinLayout.Bulletin);
        var (kind, type, extension) = format switch
        {
            "pdf" => (BulletinFormat.Pdf, "application/pdf", "pdf"),
            "html" => (BulletinFormat.Html, "text/html; charset=utf-8", "html"),
            _ => (BulletinFormat.Markdown, "text/markdown; charset=utf-8", "md"),
        };
        return new BulletinFile(BulletinRenderer.Render(model, template, kind), type, $"{baseName}.{extension}");
    }

    // Themes link to the partnership's own procedures and guidance; the bulletin lists those of its themes.
    private async Task<BulletinModel> WithLocalResourcesAsync(BulletinModel model, IReadOnlyCollection<string> themes, CancellationToken cancellationToken)
    {
        var resources = (await library.ListThemeResourcesAsync(null, cancellationToken)).Where(r => themes.Contains(r.ThemeCode, StringComparer.Ordinal)).ToList();
        return resources.Count == 0 ? model : model with { LocalResources = [.. resources.Select(r => $"{r.Title}: {r.Url}").Distinct(StringComparer.Ordinal)] };
    }

    private static BulletinSource ToSource(ReviewDetail detail) =>
        new(detail.Review, detail.DocumentName, detail.Summary.Publisher, detail.DocumentText, detail.Summary.Visibility);

    private static string Slug(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "review" : slug;
    }
}
