using System.Globalization;
using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Access;
using Lantern.Storage.Records;
using System.Data.Common;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<TrackedAction>> ListActionsAsync(ActionFilter filter, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(viewer);
        var where = new List<string>();
        var today = Today();
        if (filter.Status is { } status)
        {
            where.Add("a.status = @status");
        }

        if (filter.OpenOnly)
        {
            where.Add("a.status IN ('open', 'in-progress')");
        }

        if (filter.OverdueOnly)
        {
            where.Add(ActionSql.Overdue);
        }

        if (!string.IsNullOrWhiteSpace(filter.Agency))
        {
            where.Add("lower(a.agency) = lower(@agency)");
        }

        if (filter.ReviewId is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM reviews rv WHERE rv.id = @reviewId AND rv.document_id = a.document_id AND rv.review_key = a.review_key)");
        }

        var extra = string.Concat(where.Select(w => " AND " + w));
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ActionRow>(new CommandDefinition(
            $"SELECT {ActionSql.Columns} {ActionSql.Visible(viewer)}{extra} ORDER BY a.due IS NULL, a.due, a.id",
            new { status = filter.Status is { } s ? ActionStatuses.Name(s) : null, agency = filter.Agency?.Trim(), reviewId = filter.ReviewId, today },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToAction([]))];
    }

    /// <inheritdoc />
    public async Task<TrackedAction?> GetActionAsync(long actionId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadActionAsync(connection, null, actionId, viewer).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ActionHistoryEntry>> GetActionHistoryAsync(long actionId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (await ReadActionAsync(connection, null, actionId, viewer).ConfigureAwait(false) is null)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(long Id, long Version, string At, string Actor, string Field, string? Old, string? New)>(
            "SELECT id, version, at, actor, field, old_value, new_value FROM action_history WHERE action_id = @actionId ORDER BY id",
            new { actionId }).ConfigureAwait(false);
        return [.. rows.Select(r => new ActionHistoryEntry(r.Id, (int)r.Version, ParseInstant(r.At), r.Actor, r.Field, r.Old, r.New))];
    }

    /// <inheritdoc />
    public async Task<ActionOutcome> AddActionAsync(long reviewId, NewAction action, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new ActionOutcome(false, "Only editors and administrators can add actions.");
        }

        if (string.IsNullOrWhiteSpace(action.Text))
        {
            return new ActionOutcome(false, "Enter what the action is.");
        }

        return await WriteAsync(async (connection, transaction) =>
        {
            var review = await FindVisibleReviewAsync(connection, transaction, reviewId, viewer).ConfigureAwait(false);
            if (review is null)
            {
                return new ActionOutcome(false, $"There is no review {reviewId}.");
            }

            var id = await InsertActionAsync(connection, transaction, review.Value, "editor", null, action, ActorOf(viewer)).ConfigureAwait(false);
            await AuditAsync(connection, transaction, ActorOf(viewer), "action-add", review.Value.DocumentId, reviewId, $"action {id}", viewer.Address).ConfigureAwait(false);
            var stored = await ReadActionAsync(connection, transaction, id, viewer).ConfigureAwait(false);
            return new ActionOutcome(true, $"Added action {id}.", stored);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ActionImportOutcome> ImportActionsAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new ActionImportOutcome(0, 0, "Only editors and administrators can track actions.");
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var review = await FindVisibleReviewAsync(connection, transaction, reviewId, viewer).ConfigureAwait(false);
            if (review is null)
            {
                return new ActionImportOutcome(0, 0, $"There is no review {reviewId}.");
            }

            var json = await connection.ExecuteScalarAsync<string>("SELECT record_json FROM reviews WHERE id = @reviewId", new { reviewId }, transaction).ConfigureAwait(false);
            var extracted = ReviewJson.Deserialize(json ?? "{}").Actions;
            var added = 0;
            for (var ordinal = 0; ordinal < extracted.Count; ordinal++)
            {
                var exists = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM actions WHERE document_id = @DocumentId AND review_key = @ReviewKey AND origin = 'extracted' AND origin_ordinal = @ordinal",
                    new { review.Value.DocumentId, review.Value.ReviewKey, ordinal }, transaction).ConfigureAwait(false);
                if (exists == 0)
                {
                    await InsertActionAsync(connection, transaction, review.Value, "extracted", ordinal, new NewAction(extracted[ordinal].Text), ActorOf(viewer)).ConfigureAwait(false);
                    added++;
                }
            }

            if (added > 0)
            {
                await AuditAsync(connection, transaction, ActorOf(viewer), "action-import", review.Value.DocumentId, reviewId, $"{added} extracted action(s) tracked", viewer.Address).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            var already = extracted.Count - added;
            return new ActionImportOutcome(added, already,
                extracted.Count == 0 ? "The review has no extracted actions or recommendations." : $"Now tracking {added} new action(s); {already} already tracked.");
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ActionOutcome> UpdateActionAsync(long actionId, ActionChange change, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new ActionOutcome(false, "Only editors and administrators can change actions.");
        }

        return await WriteAsync(async (connection, transaction) =>
        {
            var current = await ReadActionAsync(connection, transaction, actionId, viewer).ConfigureAwait(false);
            if (current is null)
            {
                return new ActionOutcome(false, $"There is no action {actionId}.");
            }

            if (current.Version != change.BasedOnVersion)
            {
                return new ActionOutcome(false,
                    $"This action was changed by {current.UpdatedBy} at {current.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC since you opened it (you had version {change.BasedOnVersion}, it is now version {current.Version}); reload and try again.",
                    current, Conflict: true);
            }

            var changes = ActionSql.Changes(current, change);
            if (changes.Count == 0)
            {
                return new ActionOutcome(true, "Nothing changed.", current);
            }

            var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var actor = ActorOf(viewer);
            var next = current.Version + 1;
            var after = ActionSql.Apply(current, change);
            // The version in the WHERE clause makes the check hold across processes too, not only under the write lock.
            var updated = await connection.ExecuteAsync(
                """
                UPDATE actions SET status = @Status, due = @Due, lead = @Lead, agency = @Agency, evidence = @Evidence,
                    version = @next, updated_at = @at, updated_by = @actor
                WHERE id = @actionId AND version = @BasedOnVersion
                """,
                new { after.Status, after.Due, after.Lead, after.Agency, after.Evidence, next, at, actor, actionId, change.BasedOnVersion }, transaction).ConfigureAwait(false);
            if (updated == 0)
            {
                return new ActionOutcome(false, "This action was changed by someone else since you opened it; reload and try again.", null, Conflict: true);
            }

            foreach (var (field, oldValue, newValue) in changes)
            {
                await AppendHistoryAsync(connection, transaction, actionId, next, at, actor, field, oldValue, newValue).ConfigureAwait(false);
            }

            var documentId = await connection.ExecuteScalarAsync<long>("SELECT document_id FROM actions WHERE id = @actionId", new { actionId }, transaction).ConfigureAwait(false);
            await AuditAsync(connection, transaction, actor, "action-edit", documentId, current.ReviewId,
                $"action {actionId} version {next}: {string.Join(", ", changes.Select(c => c.Field))}", viewer.Address).ConfigureAwait(false);

            var stored = await ReadActionAsync(connection, transaction, actionId, viewer).ConfigureAwait(false);
            return new ActionOutcome(true, $"Saved action {actionId} (version {next}).", stored);
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<ActionOutcome> WriteAsync(Func<DbConnection, DbTransaction, Task<ActionOutcome>> write, CancellationToken cancellationToken) =>
        WriteCommittedWhenAsync(write, outcome => outcome.Stored, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction under the library's write lock and commits only when
    /// <paramref name="commit"/> says the outcome was stored; a refused or failed write leaves nothing behind.
    /// </summary>
    private async Task<T> WriteCommittedWhenAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var outcome = await write(connection, transaction).ConfigureAwait(false);
            if (commit(outcome))
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    private async Task<long> InsertActionAsync(DbConnection connection, DbTransaction transaction, (long DocumentId, string ReviewKey) review, string origin, int? ordinal, NewAction action, string actor)
    {
        var at = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var id = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO actions (document_id, review_key, origin, origin_ordinal, text, agency, lead, due, status, version, created_at, created_by, updated_at, updated_by)
            VALUES (@DocumentId, @ReviewKey, @origin, @ordinal, @text, @agency, @lead, @due, 'open', 1, @at, @actor, @at, @actor)
            RETURNING id
            """,
            new
            {
                review.DocumentId, review.ReviewKey, origin, ordinal, text = action.Text.Trim(),
                agency = ActionSql.Blank(action.Agency), lead = ActionSql.Blank(action.Lead), due = ActionSql.Date(action.Due), at, actor,
            }, transaction).ConfigureAwait(false);
        await AppendHistoryAsync(connection, transaction, id, 1, at, actor, "created", null, action.Text.Trim()).ConfigureAwait(false);
        return id;
    }

    private static Task AppendHistoryAsync(DbConnection connection, DbTransaction transaction, long actionId, int version, string at, string actor, string field, string? oldValue, string? newValue) =>
        connection.ExecuteAsync(
            "INSERT INTO action_history (action_id, version, at, actor, field, old_value, new_value) VALUES (@actionId, @version, @at, @actor, @field, @oldValue, @newValue)",
            new { actionId, version, at, actor, field, oldValue, newValue }, transaction);

    private static Task<(long DocumentId, string ReviewKey)?> FindVisibleReviewAsync(DbConnection connection, DbTransaction? transaction, long reviewId, Viewer viewer) =>
        connection.QuerySingleOrDefaultAsync<(long DocumentId, string ReviewKey)?>(
            $"SELECT r.document_id, r.review_key {SummarySql.VisibleReviews(viewer)} AND r.id = @reviewId", new { reviewId }, transaction);

    private async Task<TrackedAction?> ReadActionAsync(DbConnection connection, DbTransaction? transaction, long actionId, Viewer viewer)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ActionRow>(
            $"SELECT {ActionSql.Columns} {ActionSql.Visible(viewer)} AND a.id = @actionId", new { actionId, today = Today() }, transaction).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var files = await connection.QueryAsync<(long Id, string FileName, string ContentType, long Length, string AddedAt, string AddedBy)>(
            "SELECT id, file_name, content_type, length, added_at, added_by FROM action_files WHERE action_id = @actionId ORDER BY id", new { actionId }, transaction).ConfigureAwait(false);
        return row.ToAction([.. files.Select(f => new EvidenceFile(f.Id, f.FileName, f.ContentType, f.Length, ParseInstant(f.AddedAt), f.AddedBy))]);
    }

    /// <summary>Today's date by the library's clock (local time, as the statutory timeline counts days).</summary>
    private string Today() => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

