using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Sqlite;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<CodingOutcome> RecordCodingDecisionAsync(
        long reviewId, string themeCode, CodingVerdict verdict, Viewer viewer, string? coder = null, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(themeCode);
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new CodingOutcome(false, "Only editors and administrators can code reviews.");
        }

        var who = string.IsNullOrWhiteSpace(coder) ? viewer.UserName : coder.Trim();
        if (string.IsNullOrWhiteSpace(who))
        {
            return new CodingOutcome(false, "A coding decision needs the coder's name.");
        }

        var code = themeCode.Trim();
        if (_codebook.Find(code) is null)
        {
            return new CodingOutcome(false, $"\u201c{code}\u201d is not a theme of codebook {_codebook.Version}. Themes are: {string.Join(", ", _codebook.CodeIds)}.");
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var review = await connection.QuerySingleOrDefaultAsync<(long DocumentId, string ReviewKey)?>(
                $"SELECT r.document_id, r.review_key {SummarySql.VisibleReviews(viewer)} AND r.id = @reviewId", new { reviewId }).ConfigureAwait(false);
            if (review is null)
            {
                return new CodingOutcome(false, $"There is no review {reviewId}.");
            }

            var at = _clock.GetUtcNow();
            using var context = _dialect.Context(connection);
            context.CodingDecisions.Add(new CodingDecisionRow
            {
                DocumentId = review.Value.DocumentId,
                ReviewKey = review.Value.ReviewKey,
                ThemeCode = code,
                Verdict = VerdictName(verdict),
                Coder = who,
                At = at.ToString("O", CultureInfo.InvariantCulture),
                Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            });
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await AuditAsync(connection, null, ActorOf(viewer), "code", review.Value.DocumentId, reviewId, $"{VerdictName(verdict)} {code} as {who}", viewer.Address).ConfigureAwait(false);
            var decision = new CodingDecision(code, verdict, who, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            return new CodingOutcome(true, $"{VerdictName(verdict)}ed {code} by {who}", decision);
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<ReviewCoding?> GetCodingAsync(long reviewId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadCodingAsync(connection, viewer, reviewId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReviewCoding> ListCodingAsync(Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var ids = (await connection.QueryAsync<long>($"SELECT r.id {SummarySql.VisibleReviews(viewer)} ORDER BY r.id").ConfigureAwait(false)).ToList();
        foreach (var id in ids)
        {
            foreach (var coding in await ReadCodingAsync(connection, viewer, id, cancellationToken).ConfigureAwait(false))
            {
                yield return coding;
            }
        }
    }

    private static async Task<IReadOnlyList<ReviewCoding>> ReadCodingAsync(System.Data.Common.DbConnection connection, Viewer viewer, long reviewId, CancellationToken cancellationToken)
    {
        var review = await connection.QuerySingleOrDefaultAsync<(long Id, string Title, long DocumentId, string ReviewKey)?>(
            new CommandDefinition($"SELECT r.id, r.title, r.document_id, r.review_key {SummarySql.VisibleReviews(viewer)} AND r.id = @reviewId", new { reviewId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (review is null)
        {
            return [];
        }

        var automatic = (await connection.QueryAsync<string>(
            "SELECT code FROM review_labels WHERE review_id = @reviewId AND kind = 'theme' ORDER BY code", new { reviewId }).ConfigureAwait(false)).ToList();
        var decisions = (await connection.QueryAsync<CodingDecisionRow>(
            """
            SELECT id AS Id, document_id AS DocumentId, review_key AS ReviewKey, theme_code AS ThemeCode, verdict AS Verdict, coder AS Coder, at AS At, note AS Note
            FROM coding_decisions WHERE document_id = @DocumentId AND review_key = @ReviewKey ORDER BY at, id
            """,
            new { review.Value.DocumentId, review.Value.ReviewKey }).ConfigureAwait(false))
            .Select(ToDecision)
            .ToList();
        return [new ReviewCoding(review.Value.Id, review.Value.Title, automatic, decisions, EffectiveCoding.Merge(automatic, decisions))];
    }

    private static CodingDecision ToDecision(CodingDecisionRow row) => new(
        row.ThemeCode,
        row.Verdict switch { "reject" => CodingVerdict.Rejected, "add" => CodingVerdict.Added, _ => CodingVerdict.Confirmed },
        row.Coder,
        DateTimeOffset.Parse(row.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        row.Note);

    /// <summary>The verdict as stored (and as typed on the command line): confirm, reject or add.</summary>
    internal static string VerdictName(CodingVerdict verdict) => verdict switch
    {
        CodingVerdict.Rejected => "reject",
        CodingVerdict.Added => "add",
        _ => "confirm",
    };
}
