using System.Globalization;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;

namespace Lantern.Storage.Library;

/// <summary>The SELECT list and row shape of tracked actions, restricted by <see cref="VisibilityFilter"/>.</summary>
internal static class ActionSql
{
    /// <summary>Columns of an <see cref="ActionRow"/> over actions <c>a</c> joined to documents <c>d</c>; <c>@today</c> is YYYY-MM-DD.</summary>
    public const string Columns = """
        a.id AS Id, a.origin AS Origin, a.text AS Text, a.agency AS Agency, a.lead AS Lead, a.due AS Due, a.status AS Status,
        a.evidence AS Evidence, a.version AS Version, a.updated_at AS UpdatedAt, a.updated_by AS UpdatedBy, d.visibility AS Visibility,
        (SELECT r.id FROM reviews r WHERE r.document_id = a.document_id AND r.review_key = a.review_key ORDER BY r.ordinal LIMIT 1) AS ReviewId,
        (SELECT r.title FROM reviews r WHERE r.document_id = a.document_id AND r.review_key = a.review_key ORDER BY r.ordinal LIMIT 1) AS ReviewTitle,
        (SELECT r.reference FROM reviews r WHERE r.document_id = a.document_id AND r.review_key = a.review_key ORDER BY r.ordinal LIMIT 1) AS ReviewReference,
        CASE WHEN a.due IS NOT NULL AND a.due < @today AND a.status NOT IN ('done', 'dropped') THEN 1 ELSE 0 END AS IsOverdue
        """;

    public const string Overdue = "a.due IS NOT NULL AND a.due < @today AND a.status NOT IN ('done', 'dropped')";

    /// <summary>FROM actions and their documents, WHERE the viewer may see the document (the storage's single rule).</summary>
    public static string Visible(Viewer viewer) =>
        $"FROM actions a JOIN documents d ON d.id = a.document_id WHERE {VisibilityFilter.Condition(viewer)}";

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The stored values after a change: null leaves a field, an empty string clears it.</summary>
    public static (string Status, string? Due, string? Lead, string? Agency, string? Evidence) Apply(TrackedAction current, ActionChange change) => (
        ActionStatuses.Name(change.Status ?? current.Status),
        change.Due is { } due ? Date(due) : Date(current.Due),
        change.Lead is null ? current.Lead : Blank(change.Lead),
        change.Agency is null ? current.Agency : Blank(change.Agency),
        change.Evidence is null ? current.Evidence : Blank(change.Evidence));

    /// <summary>The fields a change alters, with their old and new values, for the history.</summary>
    public static IReadOnlyList<(string Field, string? Old, string? New)> Changes(TrackedAction current, ActionChange change)
    {
        var after = Apply(current, change);
        var list = new List<(string, string?, string?)>();
        Add(list, "status", ActionStatuses.Name(current.Status), after.Status);
        Add(list, "due", Date(current.Due), after.Due);
        Add(list, "lead", current.Lead, after.Lead);
        Add(list, "agency", current.Agency, after.Agency);
        Add(list, "evidence", current.Evidence, after.Evidence);
        return list;
    }

    private static void Add(List<(string, string?, string?)> list, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            list.Add((field, before, after));
        }
    }
}

/// <summary>A tracked action as read by Dapper.</summary>
internal sealed class ActionRow
{
    public long Id { get; set; }
    public string Origin { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Agency { get; set; }
    public string? Lead { get; set; }
    public string? Due { get; set; }
    public string Status { get; set; } = "open";
    public string? Evidence { get; set; }
    public long Version { get; set; }
    public string UpdatedAt { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public long Visibility { get; set; }
    public long? ReviewId { get; set; }
    public string? ReviewTitle { get; set; }
    public string? ReviewReference { get; set; }
    public long IsOverdue { get; set; }

    public TrackedAction ToAction(IReadOnlyList<EvidenceFile> files) => new(
        Id, ReviewId, ReviewTitle ?? "(review no longer extracted)", ReviewReference, Origin, Text, Agency, Lead,
        Due is null ? null : DateOnly.ParseExact(Due, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ActionStatuses.Parse(Status) ?? ActionStatus.Open, Evidence, (int)Version,
        DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), UpdatedBy,
        (Visibility)Visibility, IsOverdue != 0, files);
}
