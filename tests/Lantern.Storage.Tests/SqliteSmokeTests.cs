using Microsoft.Data.Sqlite;

namespace Lantern.Storage.Tests;

public class SqliteSmokeTests
{
    [Fact]
    public void Sqlite_HasFts5()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61'); INSERT INTO t VALUES ('sharing information'); SELECT count(*) FROM t WHERE t MATCH 'share';";
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
    }
}
