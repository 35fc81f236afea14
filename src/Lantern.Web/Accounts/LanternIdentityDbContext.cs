using Lantern.Storage.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Accounts;

/// <summary>
/// Identity's tables and the access tokens, in the library's own database. The tables are made by the library's
/// migration scripts (0006_accounts), not by EF migrations, so that SQLite and PostgreSQL keep one schema history.
/// </summary>
public sealed class LanternIdentityDbContext(DbContextOptions<LanternIdentityDbContext> options)
    : IdentityDbContext<LanternUser, IdentityRole, string>(options)
{
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AccessToken>(token =>
        {
            token.ToTable("access_tokens");
            token.HasKey(t => t.Id);
            token.Property(t => t.Id).HasColumnName("id");
            token.Property(t => t.UserId).HasColumnName("user_id");
            token.Property(t => t.Name).HasColumnName("name");
            token.Property(t => t.TokenHash).HasColumnName("token_hash");
            token.Property(t => t.CreatedAt).HasColumnName("created_at");
            token.Property(t => t.RevokedAt).HasColumnName("revoked_at");
        });
    }
}

/// <summary>
/// The one place the accounts' database provider and connection are chosen: the library's SQLite file in the data
/// folder, or the library's PostgreSQL database.
/// </summary>
public static class AccountDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, LibraryLocation location)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(location);
        if (location.Provider == DatabaseProvider.Postgres)
        {
            return builder.UseNpgsql(location.PostgresConnectionString);
        }

        var dataFolder = location.DataFolder;
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataFolder), LanternLibrary.DatabaseFileName),
            Mode = SqliteOpenMode.ReadWrite,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        return builder.UseSqlite(connection);
    }
}
