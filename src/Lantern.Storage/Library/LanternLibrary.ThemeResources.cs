using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Dissemination;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ThemeResource>> ListThemeResourcesAsync(string? themeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string Code, string Title, string Url, string AddedAt, string AddedBy)>(new CommandDefinition(
            "SELECT id, theme_code, title, url, added_at, added_by FROM theme_resources WHERE (@code IS NULL OR theme_code = @code) ORDER BY theme_code, title, id",
            new { code = Blank(themeCode) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new ThemeResource(r.Id, r.Code, r.Title, r.Url, ActivitySql.ParseInstant(r.AddedAt), r.AddedBy))];
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> AddThemeResourceAsync(string themeCode, string title, string url, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can add local resources.");
        }

        if (string.IsNullOrWhiteSpace(themeCode))
        {
            return new DisseminationOutcome(false, "Name the theme (its code, for example information-sharing).");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return new DisseminationOutcome(false, "Enter the resource's title.");
        }

        if (ResourceUrlProblem(url) is { } problem)
        {
            return new DisseminationOutcome(false, problem);
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            var id = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO theme_resources (theme_code, title, url, added_at, added_by) VALUES (@code, @title, @url, @at, @actor) RETURNING id",
                new { code = themeCode.Trim(), title = title.Trim(), url = url.Trim(), at = ActivitySql.Instant(_clock.GetUtcNow()), actor = ActorOf(viewer) },
                transaction).ConfigureAwait(false);
            return new DisseminationOutcome(true, $"Added resource {id} to {themeCode.Trim()}.", id);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<DisseminationOutcome> RemoveThemeResourceAsync(long resourceId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.CanEdit)
        {
            return new DisseminationOutcome(false, "Only editors and administrators can remove local resources.");
        }

        return await WriteDisseminationAsync(async (connection, transaction) =>
        {
            var removed = await connection.ExecuteAsync("DELETE FROM theme_resources WHERE id = @resourceId", new { resourceId }, transaction).ConfigureAwait(false);
            return removed == 0
                ? new DisseminationOutcome(false, $"There is no resource {resourceId}.")
                : new DisseminationOutcome(true, $"Removed resource {resourceId}.", resourceId);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Why an address cannot be a resource link (only absolute http and https addresses can), or null.</summary>
    public static string? ResourceUrlProblem(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? null
            : $"The address \u201c{url}\u201d must be a full http:// or https:// address.";
}
