using System.Globalization;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Access;

namespace Lantern.Storage.Dissemination;

/// <summary>
/// The SELECT list and visibility rule of learning activities. An activity is restricted when any of its links is to a
/// review or tracked action of a restricted document; the condition is written by <see cref="VisibilityFilter"/>.
/// </summary>
internal static class ActivitySql
{
    private const string LinkedDocuments = """
        FROM activity_links l LEFT JOIN actions ac ON ac.id = l.action_id
        JOIN documents ld ON ld.id = COALESCE(l.document_id, ac.document_id)
        WHERE l.activity_id = la.id
        """;

    public const string Columns = $"""
        la.id AS Id, la.kind AS Kind, la.title AS Title, la.held_on AS HeldOn, la.owner AS Owner, la.agencies AS Agencies,
        la.teams AS Teams, la.outcome AS Outcome, la.figures AS Figures,
        (SELECT count(*) FROM activity_recipients rc WHERE rc.activity_id = la.id) AS Recipients,
        (SELECT count(*) FROM activity_recipients rc JOIN activity_feedback f ON f.recipient_id = rc.id WHERE rc.activity_id = la.id) AS Responses,
        CASE WHEN EXISTS (SELECT 1 {LinkedDocuments} AND ld.visibility <> 0) THEN 1 ELSE 0 END AS Restricted
        """;

    /// <summary>FROM learning_activities <c>la</c> WHERE the viewer may see every review and action it is linked to.</summary>
    public static string Visible(Viewer viewer) =>
        $"FROM learning_activities la WHERE NOT EXISTS (SELECT 1 {LinkedDocuments} AND NOT ({VisibilityFilter.Condition(viewer, "ld")}))";

    public static string Lines(IEnumerable<string>? items) =>
        string.Join('\n', (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<string> SplitLines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>A learning activity as read by Dapper.</summary>
internal sealed class ActivityRow
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string HeldOn { get; set; } = "";
    public string? Owner { get; set; }
    public string? Agencies { get; set; }
    public string? Teams { get; set; }
    public string? Outcome { get; set; }
    public string? Figures { get; set; }
    public long Recipients { get; set; }
    public long Responses { get; set; }
    public long Restricted { get; set; }

    public LearningActivity ToActivity(IReadOnlyList<ActivityLink> links) => new(
        Id,
        ActivityKinds.Parse(Kind) ?? ActivityKind.Briefing,
        Title,
        ActivitySql.ParseDate(HeldOn) ?? DateOnly.MinValue,
        Owner,
        ActivitySql.SplitLines(Agencies),
        ActivitySql.SplitLines(Teams),
        Outcome,
        AuditFigure.ParseLines(Figures).Figures,
        links,
        (int)Recipients,
        (int)Responses,
        Restricted != 0 ? Visibility.Restricted : Visibility.Public);
}

/// <summary>A recipient as read by Dapper.</summary>
internal sealed class RecipientRow
{
    public long Id { get; set; }
    public long ActivityId { get; set; }
    public string Agency { get; set; } = "";
    public string Team { get; set; } = "";
    public string SentAt { get; set; } = "";
    public string ExpiresAt { get; set; } = "";
    public string? RevokedAt { get; set; }
    public string? RespondedAt { get; set; }

    public ActivityRecipient ToRecipient() => new(
        Id, ActivityId, Agency, Team, ActivitySql.ParseInstant(SentAt), ActivitySql.ParseInstant(ExpiresAt),
        RevokedAt is null ? null : ActivitySql.ParseInstant(RevokedAt), RespondedAt is null ? null : ActivitySql.ParseInstant(RespondedAt));
}

/// <summary>Feedback as read by Dapper.</summary>
internal sealed class FeedbackRow
{
    public long RecipientId { get; set; }
    public long ActivityId { get; set; }
    public string ActivityTitle { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Team { get; set; } = "";
    public string DiscussedIn { get; set; } = "";
    public string WillChange { get; set; } = "";
    public long Usefulness { get; set; }
    public string SubmittedAt { get; set; } = "";
    public long Restricted { get; set; }

    public TeamFeedback ToFeedback() => new(
        RecipientId, ActivityId, ActivityTitle, Agency, Team, DiscussedIn, WillChange, (int)Usefulness, ActivitySql.ParseInstant(SubmittedAt),
        Restricted != 0 ? Visibility.Restricted : Visibility.Public);
}
