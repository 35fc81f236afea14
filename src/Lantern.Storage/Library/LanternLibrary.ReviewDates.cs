using Dapper;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    private const string DateColumns = "rd.aware AS Aware, rd.notified AS Notified, rd.rapid_review_sent AS RapidReviewSent, rd.commissioned AS Commissioned, rd.published AS Published";

    /// <inheritdoc />
    public async Task<ReviewDates?> GetReviewDatesAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await FindVisibleReviewAsync(connection, null, reviewId, viewer).ConfigureAwait(false) is not { } review)
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<DatesRow>(
            $"SELECT {DateColumns} FROM review_dates rd WHERE rd.document_id = @DocumentId AND rd.review_key = @ReviewKey",
            new { review.DocumentId, review.ReviewKey }).ConfigureAwait(false);
        return row?.ToDates() ?? ReviewDates.None;
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> SetReviewDatesAsync(long reviewId, ReviewDates dates, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can change review dates.");
        }

        if (dates.OrderProblem() is { } problem)
        {
            return new DisseminationOutcome(false, $"The dates are out of order: {problem}.");
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            if (await FindVisibleReviewAsync(connection, transaction, reviewId, viewer).ConfigureAwait(false) is not { } review)
            {
                return new DisseminationOutcome(false, $"There is no review {reviewId}.");
            }

            await connection.ExecuteAsync(
                """
                INSERT INTO review_dates (document_id, review_key, aware, notified, rapid_review_sent, commissioned, published, updated_at, updated_by)
                VALUES (@DocumentId, @ReviewKey, @aware, @notified, @rapid, @commissioned, @published, @at, @actor)
                ON CONFLICT (document_id, review_key) DO UPDATE SET aware = excluded.aware, notified = excluded.notified,
                    rapid_review_sent = excluded.rapid_review_sent, commissioned = excluded.commissioned, published = excluded.published,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """,
                new
                {
                    review.DocumentId, review.ReviewKey, aware = Iso(dates.Aware), notified = Iso(dates.Notified), rapid = Iso(dates.RapidReviewSent),
                    commissioned = Iso(dates.Commissioned), published = Iso(dates.Published), at = ActivitySql.Instant(_clock.GetUtcNow()), actor = ActorOf(viewer),
                }, transaction).ConfigureAwait(false);
            return new DisseminationOutcome(true, $"Saved the dates of review {reviewId}.", reviewId);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReportInputs> GetReportInputsAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            var reviews = await connection.QueryAsync<ReportReviewRow>(new CommandDefinition(
                $"""
                SELECT {SummarySql.ReviewColumns}, {DateColumns}
                {SummarySql.VisibleReviews(viewer).Replace(" WHERE ", " LEFT JOIN review_dates rd ON rd.document_id = r.document_id AND rd.review_key = r.review_key WHERE ", StringComparison.Ordinal)}
                ORDER BY r.id
                """, cancellationToken: cancellationToken)).ConfigureAwait(false);
            // An action is done on the day its status last became done (from its history), not on the day of its
            // last edit: adding evidence to an action finished in March does not make it finished in May. An action
            // with no such change in its history (it was done when tracked) counts from when it was tracked.
            var actions = await connection.QueryAsync<(string CreatedAt, string Status, string? Due, string? DoneAt, long Visibility)>(new CommandDefinition(
                $"""
                SELECT a.created_at, a.status, a.due,
                    CASE WHEN a.status = 'done' THEN COALESCE(
                        (SELECT h.at FROM action_history h WHERE h.action_id = a.id AND h.field = 'status' AND h.new_value = 'done' ORDER BY h.id DESC LIMIT 1),
                        a.created_at) END,
                    d.visibility
                {ActionSql.Visible(viewer)} ORDER BY a.id
                """,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            var reportReviews = reviews.Select(r => r.ToReportReview()).ToList();
            var reportActions = actions.Select(a => new ReportAction(
                DateOnly.FromDateTime(ActivitySql.ParseInstant(a.CreatedAt).UtcDateTime), a.Status, ActivitySql.ParseDate(a.Due),
                a.DoneAt is null ? null : DateOnly.FromDateTime(ActivitySql.ParseInstant(a.DoneAt).UtcDateTime), (Visibility)a.Visibility)).ToList();
            return new ReportInputs(
                reportReviews,
                reportActions,
                await ListActivitiesAsync(new ActivityFilter(), viewer, cancellationToken).ConfigureAwait(false),
                await ListRecipientsAsync(null, viewer, cancellationToken).ConfigureAwait(false),
                await ListFeedbackAsync(null, viewer, cancellationToken).ConfigureAwait(false));
        }
    }

    private static string? Iso(DateOnly? date) => date is { } d ? ReviewDates.Iso(d) : null;
}

/// <summary>Stored review dates as read by Dapper.</summary>
internal class DatesRow
{
    public string? Aware { get; set; }
    public string? Notified { get; set; }
    public string? RapidReviewSent { get; set; }
    public string? Commissioned { get; set; }
    public string? Published { get; set; }

    public ReviewDates ToDates() => new(
        ActivitySql.ParseDate(Aware), ActivitySql.ParseDate(Notified), ActivitySql.ParseDate(RapidReviewSent),
        ActivitySql.ParseDate(Commissioned), ActivitySql.ParseDate(Published));
}

/// <summary>A review summary with its dates, as read by Dapper.</summary>
internal sealed class ReportReviewRow : ReviewSummaryRow
{
    public string? Aware { get; set; }
    public string? Notified { get; set; }
    public string? RapidReviewSent { get; set; }
    public string? Commissioned { get; set; }
    public string? Published { get; set; }

    public ReportReview ToReportReview()
    {
        var s = ToSummary();
        var dates = new DatesRow { Aware = Aware, Notified = Notified, RapidReviewSent = RapidReviewSent, Commissioned = Commissioned, Published = Published }.ToDates();
        return new ReportReview(s.Id, s.Title, s.Reference, s.Type, s.Year, dates, s.Themes, s.Visibility);
    }
}
