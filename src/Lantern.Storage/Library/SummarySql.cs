using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;

namespace Lantern.Storage.Library;

/// <summary>The SELECT lists and row shapes shared by every read, each already restricted by <see cref="VisibilityFilter"/>.</summary>
internal static class SummarySql
{
    /// <summary>Columns of a <see cref="ReviewSummaryRow"/>, over reviews <c>r</c> joined to documents <c>d</c>.</summary>
    public const string ReviewColumns = """
        r.id AS Id, r.document_id AS DocumentId, r.title AS Title, r.reference AS Reference, r.name AS Name,
        r.type AS Type, r.year AS Year, d.publisher AS Publisher, r.age_band AS AgeBand, r.outcome AS Outcome,
        d.visibility AS Visibility,
        """ + " (SELECT string_agg(t.code, '|' ORDER BY t.code) FROM (" + EffectiveThemeCodes + ") t) AS Themes";

    /// <summary>
    /// The effective theme codes of review <c>r</c> (the <c>effective_themes</c> view written out for one review):
    /// selecting from the view per row made SQLite work out the themes of the whole library for every row read.
    /// </summary>
    public const string EffectiveThemeCodes = """
        SELECT l.code FROM review_labels l WHERE l.review_id = r.id AND l.kind = 'theme'
            AND NOT EXISTS (SELECT 1 FROM latest_coding_decisions c
                WHERE c.document_id = r.document_id AND c.review_key = r.review_key AND c.theme_code = l.code AND c.verdict = 'reject')
        UNION
        SELECT c.theme_code FROM latest_coding_decisions c
            WHERE c.document_id = r.document_id AND c.review_key = r.review_key AND c.verdict IN ('confirm', 'add')
        """;

    /// <summary>FROM reviews and their documents, WHERE the viewer may see the document.</summary>
    public static string VisibleReviews(Viewer viewer) =>
        $"FROM reviews r JOIN documents d ON d.id = r.document_id WHERE {VisibilityFilter.Condition(viewer)}";

    public const string DocumentColumns = """
        d.id AS Id, d.file_name AS FileName, d.format AS Format, d.sha256 AS Sha256, d.length AS Length, d.publisher AS Publisher,
        (SELECT count(*) FROM reviews r WHERE r.document_id = d.id) AS ReviewCount, d.added_at AS AddedAt, d.visibility AS Visibility
        """;

    public static string VisibleDocuments(Viewer viewer) => $"FROM documents d WHERE {VisibilityFilter.Condition(viewer)}";

    /// <summary>Orders reviews newest first: by the review's year, then when its document was added.</summary>
    public const string NewestFirst = "r.year IS NULL, r.year DESC, d.added_at DESC, r.document_id DESC, r.ordinal";

    public const string OldestFirst = "r.year IS NULL, r.year ASC, d.added_at ASC, r.document_id ASC, r.ordinal";
}

/// <summary>A review summary as read by Dapper.</summary>
internal class ReviewSummaryRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string Title { get; set; } = "";
    public string? Reference { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public long? Year { get; set; }
    public string? Publisher { get; set; }
    public string? AgeBand { get; set; }
    public string? Outcome { get; set; }
    public long Visibility { get; set; }
    public string? Themes { get; set; }

    public ReviewSummary ToSummary() => new(
        Id, DocumentId, Title, Reference, Name, Type, Year is null ? null : (int)Year.Value, Publisher, AgeBand, Outcome,
        string.IsNullOrEmpty(Themes) ? [] : Themes.Split('|'),
        (Visibility)Visibility);
}

/// <summary>A document summary as read by Dapper.</summary>
internal sealed class DocumentSummaryRow
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    public string? Publisher { get; set; }
    public long ReviewCount { get; set; }
    public string AddedAt { get; set; } = "";
    public long Visibility { get; set; }

    public DocumentSummary ToSummary() => new(
        Id, FileName, Format, Sha256, Length, Publisher, (int)ReviewCount,
        DateTimeOffset.Parse(AddedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind),
        (Visibility)Visibility);
}

/// <summary>A review summary with its stored record and document, as read by Dapper.</summary>
internal sealed class ReviewDetailRow : ReviewSummaryRow
{
    public string RecordJson { get; set; } = "";
    public string ExtractorVersion { get; set; } = "";
    public string DocumentName { get; set; } = "";
    public string DocumentText { get; set; } = "";
}
