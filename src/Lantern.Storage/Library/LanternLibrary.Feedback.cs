using Dapper;
using Lantern.Core.Dissemination;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <summary>The longest "what we will do differently" answer kept, in characters.</summary>
    public const int MaxFeedbackLength = 4000;

    /// <inheritdoc />
    public async Task<FeedbackInvitation> OpenFeedbackAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadInvitationAsync(connection, null, token).ConfigureAwait(false)).Invitation;
    }

    /// <inheritdoc />
    public async Task<FeedbackInvitation> SubmitFeedbackAsync(string token, FeedbackAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (invitation, recipientId) = await ReadInvitationAsync(connection, transaction, token).ConfigureAwait(false);
            if (invitation.State != FeedbackLinkState.Open)
            {
                return invitation;
            }

            if (FeedbackProblem(answer) is { } problem)
            {
                return invitation with { Message = problem };
            }

            // The UNIQUE recipient_id makes a second answer fail even from another process.
            await connection.ExecuteAsync(
                "INSERT INTO activity_feedback (recipient_id, discussed_in, will_change, usefulness, submitted_at) VALUES (@recipientId, @discussed, @change, @useful, @at)",
                new { recipientId, discussed = answer.DiscussedIn, change = answer.WillChange!.Trim(), useful = answer.Usefulness, at = ActivitySql.Instant(_clock.GetUtcNow()) },
                transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return invitation with { State = FeedbackLinkState.Submitted, Message = "Thank you: your team's feedback has been recorded." };
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <summary>What is wrong with an answer, in words, or null.</summary>
    public static string? FeedbackProblem(FeedbackAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!DiscussionSettings.IsKnown(answer.DiscussedIn))
        {
            return "Select where your team discussed the briefing.";
        }

        if (string.IsNullOrWhiteSpace(answer.WillChange))
        {
            return "Say what your team will do differently.";
        }

        if (answer.WillChange.Length > MaxFeedbackLength)
        {
            return $"Keep what your team will do differently to {MaxFeedbackLength} characters.";
        }

        return answer.Usefulness is >= 1 and <= 5 ? null : "Rate how useful the briefing was, from 1 to 5.";
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TeamFeedback>> ListFeedbackAsync(long? activityId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FeedbackRow>(new CommandDefinition(
            Feedback(viewer), new { activityId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var feedback = rows.Select(r => r.ToFeedback()).ToList();
        // Teams' feedback on an activity about restricted material is restricted material too: reading it (on the
        // activity's page or as CSV) is recorded, once per activity, as viewing a restricted review is.
        foreach (var restricted in feedback.Where(f => f.Visibility == Visibility.Restricted).Select(f => f.ActivityId).Distinct())
        {
            await AuditAsync(connection, null, ActorOf(viewer), "view-feedback", null, null, $"activity {restricted}", viewer.Address).ConfigureAwait(false);
        }

        return feedback;
    }

    private static string Feedback(Viewer viewer) => $"""
        SELECT rc.id AS RecipientId, la.id AS ActivityId, la.title AS ActivityTitle, rc.agency AS Agency, rc.team AS Team,
            f.discussed_in AS DiscussedIn, f.will_change AS WillChange, f.usefulness AS Usefulness, f.submitted_at AS SubmittedAt,
            CASE WHEN EXISTS (SELECT 1 FROM activity_links l LEFT JOIN actions ac ON ac.id = l.action_id
                JOIN documents ld ON ld.id = COALESCE(l.document_id, ac.document_id) WHERE l.activity_id = la.id AND ld.visibility <> 0) THEN 1 ELSE 0 END AS Restricted
        FROM activity_feedback f JOIN activity_recipients rc ON rc.id = f.recipient_id JOIN learning_activities la ON la.id = rc.activity_id
        WHERE la.id IN (SELECT la.id {ActivitySql.Visible(viewer)}) AND (@activityId IS NULL OR la.id = @activityId)
        ORDER BY f.submitted_at, f.id
        """;

    private async Task<(FeedbackInvitation Invitation, long RecipientId)> ReadInvitationAsync(DbConnection connection, DbTransaction? transaction, string token)
    {
        // A malformed token is refused before any lookup; a well-formed one is looked up by its hash only.
        if (!FeedbackToken.IsWellFormed(token))
        {
            return (FeedbackInvitation.Refused(FeedbackLinkState.Unknown), 0);
        }

        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Agency, string Team, string ExpiresAt, string? RevokedAt, string Kind, string Title, string HeldOn, long Answered)>(
            """
            SELECT rc.id, rc.agency, rc.team, rc.expires_at, rc.revoked_at, la.kind, la.title, la.held_on,
                (SELECT count(*) FROM activity_feedback f WHERE f.recipient_id = rc.id)
            FROM activity_recipients rc JOIN learning_activities la ON la.id = rc.activity_id
            WHERE rc.token_sha256 = @hash
            """, new { hash = FeedbackToken.Hash(token) }, transaction).ConfigureAwait(false);
        if (row.Id == 0)
        {
            return (FeedbackInvitation.Refused(FeedbackLinkState.Unknown), 0);
        }

        if (row.Answered > 0)
        {
            return (FeedbackInvitation.Refused(FeedbackLinkState.Used), row.Id);
        }

        if (row.RevokedAt is not null)
        {
            return (FeedbackInvitation.Refused(FeedbackLinkState.Revoked), row.Id);
        }

        if (_clock.GetUtcNow() >= ActivitySql.ParseInstant(row.ExpiresAt))
        {
            return (FeedbackInvitation.Refused(FeedbackLinkState.Expired), row.Id);
        }

        var kind = ActivityKinds.Parse(row.Kind) ?? ActivityKind.Briefing;
        return (new FeedbackInvitation(FeedbackLinkState.Open, row.Title, ActivityKinds.Label(kind), ActivitySql.ParseDate(row.HeldOn), row.Agency, row.Team), row.Id);
    }
}
