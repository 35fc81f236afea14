namespace Lantern.Storage.Library;

/// <summary>
/// Where a library lives: a data folder (SQLite <c>lantern.db</c> and <c>originals/</c>), or, when
/// <paramref name="PostgresConnectionString"/> is given, a PostgreSQL database that holds everything (the data folder
/// then only holds files the host keeps beside the library, such as a saved codebook).
/// </summary>
/// <param name="DataFolder">The data folder; created if missing.</param>
/// <param name="PostgresConnectionString">An Npgsql connection string (<c>Host=...;Database=...</c>), or null for SQLite.</param>
public sealed record LibraryLocation(string DataFolder, string? PostgresConnectionString = null)
{
    /// <summary>The database provider this location uses.</summary>
    public DatabaseProvider Provider => string.IsNullOrWhiteSpace(PostgresConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
}

/// <summary>The database a library is stored in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The database a library uses, as reported by <see cref="LanternLibrary.Database"/> (the connection string includes no password).</summary>
public sealed record LibraryDatabase(DatabaseProvider Provider, string ConnectionString);
