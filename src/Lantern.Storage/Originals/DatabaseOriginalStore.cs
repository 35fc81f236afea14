using System.Data.Common;
using System.Security.Cryptography;
using Dapper;

namespace Lantern.Storage.Originals;

/// <summary>
/// Content-addressed original bytes in the <c>originals</c> table (PostgreSQL), so every host that shares the server
/// sees the same files. Like the file store, a blob is committed before the row that refers to it; a blob without a
/// row (after a failure) is harmless.
/// </summary>
internal sealed class DatabaseOriginalStore(Func<DbConnection> open) : OriginalStore
{
    public override async Task SaveAsync(string sha256, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var connection = open();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO originals (sha256, bytes) VALUES (@sha256, @bytes) ON CONFLICT (sha256) DO NOTHING",
            new { sha256, bytes }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public override async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = open();
        return await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition(
            "SELECT bytes FROM originals WHERE sha256 = @sha256", new { sha256 }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public override string? Verify(string sha256)
    {
        using var connection = open();
        var bytes = connection.ExecuteScalar<byte[]?>("SELECT bytes FROM originals WHERE sha256 = @sha256", new { sha256 });
        if (bytes is null)
        {
            return "missing";
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return actual == sha256 ? null : $"content hashes to {actual}";
    }
}
