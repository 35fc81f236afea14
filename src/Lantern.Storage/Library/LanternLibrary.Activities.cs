using Dapper;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <summary>The longest a feedback link may stay valid.</summary>
    public static readonly TimeSpan MaxFeedbackLinkLife = TimeSpan.FromDays(366);

    /// <inheritdoc />
    public async Task<IReadOnlyList<LearningActivity>> ListActivitiesAsync(ActivityFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        var where = "";
        where += filter.From is null ? "" : " AND la.held_on >= @from";
        where += filter.To is null ? "" : " AND la.held_on <= @to";
        where += filter.Kind is null ? "" : " AND la.kind = @kind";
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ActivityRow>(new CommandDefinition(
            $"SELECT {ActivitySql.Columns} {ActivitySql.Visible(viewer)}{where} ORDER BY la.held_on, la.id",
            new
            {
                from = filter.From is { } f ? ReviewDates.Iso(f) : null,
                to = filter.To is { } t ? ReviewDates.Iso(t) : null,
                kind = filter.Kind is { } k ? ActivityKinds.Name(k) : null,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var list = new List<LearningActivity>();
        foreach (var row in rows)
        {
            list.Add(row.ToActivity(await ReadLinksAsync(connection, null, row.Id).ConfigureAwait(false)));
        }

        return list;
    }

    /// <inheritdoc />
    public async Task<LearningActivity?> GetActivityAsync(long activityId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadActivityAsync(connection, null, activityId, viewer).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> AddActivityAsync(NewActivity activity, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can record learning activities.");
        }

        if (string.IsNullOrWhiteSpace(activity.Title))
        {
            return new DisseminationOutcome(false, "Enter the activity's title.");
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            var at = ActivitySql.Instant(_clock.GetUtcNow());
            var actor = ActorOf(viewer);
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO learning_activities (kind, title, held_on, owner, agencies, teams, outcome, figures, created_at, created_by, updated_at, updated_by)
                VALUES (@kind, @title, @heldOn, @owner, @agencies, @teams, @outcome, @figures, @at, @actor, @at, @actor)
                RETURNING id
                """,
                new
                {
                    kind = ActivityKinds.Name(activity.Kind), title = activity.Title.Trim(), heldOn = ReviewDates.Iso(activity.HeldOn),
                    owner = Blank(activity.Owner), agencies = Blank(ActivitySql.Lines(activity.Agencies)), teams = Blank(ActivitySql.Lines(activity.Teams)),
                    outcome = Blank(activity.Outcome), figures = Blank(AuditFigure.ToLines(activity.Figures ?? [])), at, actor,
                }, transaction).ConfigureAwait(false);
            return new DisseminationOutcome(true, $"Recorded activity {id}.", id);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> LinkActivityAsync(long activityId, ActivityLinkTarget target, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can link activities.");
        }

        var given = (target.ReviewId is null ? 0 : 1) + (string.IsNullOrWhiteSpace(target.ThemeCode) ? 0 : 1) + (target.ActionId is null ? 0 : 1);
        if (given != 1)
        {
            return new DisseminationOutcome(false, "Link the activity to exactly one review, theme or action.");
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            if (await ReadActivityAsync(connection, transaction, activityId, viewer).ConfigureAwait(false) is null)
            {
                return new DisseminationOutcome(false, $"There is no activity {activityId}.");
            }

            long? documentId = null;
            string? reviewKey = null;
            if (target.ReviewId is { } reviewId)
            {
                if (await FindVisibleReviewAsync(connection, transaction, reviewId, viewer).ConfigureAwait(false) is not { } review)
                {
                    return new DisseminationOutcome(false, $"There is no review {reviewId}.");
                }

                (documentId, reviewKey) = review;
            }

            if (target.ActionId is { } actionId && await ReadActionAsync(connection, transaction, actionId, viewer).ConfigureAwait(false) is null)
            {
                return new DisseminationOutcome(false, $"There is no action {actionId}.");
            }

            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO activity_links (activity_id, document_id, review_key, theme_code, action_id) VALUES (@activityId, @documentId, @reviewKey, @theme, @action) RETURNING id",
                new { activityId, documentId, reviewKey, theme = Blank(target.ThemeCode), action = target.ActionId }, transaction).ConfigureAwait(false);
            return new DisseminationOutcome(true, $"Linked activity {activityId}.", id);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<SendOutcome> SendActivityAsync(long activityId, IReadOnlyList<TeamAddress> teams, TimeSpan validFor, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new SendOutcome(false, "Only editors and administrators can send briefings.", []);
        }

        if (teams.Count == 0 || teams.Any(t => string.IsNullOrWhiteSpace(t.Agency) || string.IsNullOrWhiteSpace(t.Team)))
        {
            return new SendOutcome(false, "Name each team as agency and team, for example \u201cHealth / Health visiting north\u201d.", []);
        }

        if (validFor <= TimeSpan.Zero || validFor > MaxFeedbackLinkLife)
        {
            return new SendOutcome(false, "Feedback links must be valid for between 1 and 366 days.", []);
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await ReadActivityAsync(connection, transaction, activityId, viewer).ConfigureAwait(false) is null)
            {
                return new SendOutcome(false, $"There is no activity {activityId}.", []);
            }

            var now = _clock.GetUtcNow();
            var links = new List<IssuedLink>();
            foreach (var team in teams)
            {
                var token = FeedbackToken.New();
                var id = await connection.ExecuteScalarAsync<long>(
                    """
                    INSERT INTO activity_recipients (activity_id, agency, team, sent_at, token_sha256, expires_at)
                    VALUES (@activityId, @agency, @team, @sent, @hash, @expires) RETURNING id
                    """,
                    new
                    {
                        activityId, agency = team.Agency.Trim(), team = team.Team.Trim(), sent = ActivitySql.Instant(now),
                        hash = FeedbackToken.Hash(token), expires = ActivitySql.Instant(now + validFor),
                    }, transaction).ConfigureAwait(false);
                links.Add(new IssuedLink(new ActivityRecipient(id, activityId, team.Agency.Trim(), team.Team.Trim(), now, now + validFor, null, null), token));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new SendOutcome(true, $"Sent activity {activityId} to {links.Count} team(s).", links);
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityRecipient>> ListRecipientsAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RecipientRow>(new CommandDefinition(
            $"""
            SELECT rc.id AS Id, rc.activity_id AS ActivityId, rc.agency AS Agency, rc.team AS Team, rc.sent_at AS SentAt,
                rc.expires_at AS ExpiresAt, rc.revoked_at AS RevokedAt, f.submitted_at AS RespondedAt
            FROM activity_recipients rc LEFT JOIN activity_feedback f ON f.recipient_id = rc.id
            WHERE rc.activity_id IN (SELECT la.id {ActivitySql.Visible(viewer)}) AND (@activityId IS NULL OR rc.activity_id = @activityId)
            ORDER BY rc.activity_id, rc.agency, rc.team, rc.id
            """,
            new { activityId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecipient())];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActivityRecipient>> ListRemindersAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        return [.. (await ListRecipientsAsync(activityId, viewer, cancellationToken).ConfigureAwait(false)).Where(r => r.State(now) == "open")];
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> RevokeRecipientAsync(long recipientId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can revoke feedback links.");
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            var updated = await connection.ExecuteAsync(
                $"UPDATE activity_recipients SET revoked_at = @at, revoked_by = @actor WHERE id = @recipientId AND revoked_at IS NULL AND activity_id IN (SELECT la.id {ActivitySql.Visible(viewer)})",
                new { at = ActivitySql.Instant(_clock.GetUtcNow()), actor = ActorOf(viewer), recipientId }, transaction).ConfigureAwait(false);
            return updated == 0
                ? new DisseminationOutcome(false, $"There is no open feedback link {recipientId} (it may already be revoked).")
                : new DisseminationOutcome(true, $"Revoked feedback link {recipientId}.", recipientId);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LearningActivity?> ReadActivityAsync(DbConnection connection, DbTransaction? transaction, long activityId, Viewer viewer)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ActivityRow>(
            $"SELECT {ActivitySql.Columns} {ActivitySql.Visible(viewer)} AND la.id = @activityId", new { activityId }, transaction).ConfigureAwait(false);
        return row?.ToActivity(await ReadLinksAsync(connection, transaction, activityId).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<ActivityLink>> ReadLinksAsync(DbConnection connection, DbTransaction? transaction, long activityId)
    {
        var rows = await connection.QueryAsync<(long? ReviewId, string? ReviewTitle, string? Theme, long? ActionId, string? ActionText)>(
            """
            SELECT (SELECT r.id FROM reviews r WHERE r.document_id = l.document_id AND r.review_key = l.review_key ORDER BY r.ordinal LIMIT 1),
                   (SELECT coalesce(r.reference, r.title) FROM reviews r WHERE r.document_id = l.document_id AND r.review_key = l.review_key ORDER BY r.ordinal LIMIT 1),
                   l.theme_code, l.action_id, (SELECT a.text FROM actions a WHERE a.id = l.action_id)
            FROM activity_links l WHERE l.activity_id = @activityId ORDER BY l.id
            """, new { activityId }, transaction).ConfigureAwait(false);
        var links = new List<ActivityLink>();
        foreach (var r in rows)
        {
            if (r.Theme is { } theme)
            {
                links.Add(new ActivityLink("theme", theme, theme));
            }
            else if (r.ActionId is { } action)
            {
                links.Add(new ActivityLink("action", action.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ActionText ?? $"action {action}"));
            }
            else if (r.ReviewId is { } review)
            {
                links.Add(new ActivityLink("review", review.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ReviewTitle ?? $"review {review}"));
            }
        }

        return links;
    }

    private Task<DisseminationOutcome> WriteDisseminationAsync(Func<DbConnection, DbTransaction, Task<DisseminationOutcome>> write, CancellationToken cancellationToken) =>
        WriteCommittedWhenAsync(write, outcome => outcome.Stored, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
