using Lantern.Cli.Infrastructure;
using Lantern.Cli.Tests.Library;
using Lantern.Tests.Shared.Database;

namespace Lantern.Cli.Tests.Accounts;

/// <summary><c>lantern users</c>, <c>tokens</c> and <c>audit</c> over a fresh data folder.</summary>
[Collection(StdinCollection.Name)]
public sealed class AccountCommandTests : IDisposable
{
    private const string Password = "a long enough password";
    private readonly LibraryCli _cli = new();

    private async Task<CliResult> WithStdinAsync(string stdin, params string[] args)
    {
        PasswordInput.Stdin = new StringReader(stdin + "\n");
        try
        {
            return await _cli.RunAsync(args);
        }
        finally
        {
            PasswordInput.Stdin = null;
        }
    }

    [Fact]
    public async Task UsersAdd_MakesTheFirstAdmin_FromStdin_AndListShowsTheRole()
    {
        var added = await WithStdinAsync(Password, "users", "add", "alice", "--admin", "--password-stdin");
        added.ExitCode.ShouldBe(0, added.Error);
        added.Output.ShouldContain("Added alice as admin");

        var list = await _cli.RunAsync("users", "list");
        list.Lines.ShouldContain(l => l.StartsWith("alice", StringComparison.Ordinal) && l.Contains("admin", StringComparison.Ordinal) && l.EndsWith("active", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersList_WithNoUsers_SaysHowToMakeTheFirstAdmin()
    {
        var list = await _cli.RunAsync("users", "list");
        list.ExitCode.ShouldBe(0);
        list.Output.ShouldContain("lantern users add NAME --admin");
    }

    [Fact]
    public async Task UsersAdd_WithAShortPassword_OrADuplicateName_FailsWithAReason()
    {
        var shortPassword = await WithStdinAsync("short", "users", "add", "bob", "--password-stdin");
        shortPassword.ExitCode.ShouldBe(1);
        shortPassword.Error.ShouldContain("at least 10 characters");

        (await WithStdinAsync(Password, "users", "add", "bob", "--password-stdin")).ExitCode.ShouldBe(0);
        var again = await WithStdinAsync(Password, "users", "add", "bob", "--password-stdin");
        again.ExitCode.ShouldBe(1);
        again.Error.ShouldContain("already a user called 'bob'");
    }

    [Fact]
    public async Task UsersAdd_WithoutPasswordStdin_WhenInputIsNotATerminal_RefusesRatherThanInventAPassword()
    {
        if (!Console.IsInputRedirected)
        {
            return; // At a terminal this would prompt; the test runner's input is redirected.
        }

        var result = await _cli.RunAsync("users", "add", "carol");
        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("--password-stdin");
    }

    [Fact]
    public async Task UsersDisableEnableResetRole_ChangeTheAccount_AndAreAudited()
    {
        (await WithStdinAsync(Password, "users", "add", "dave", "--role", "reader", "--password-stdin")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("users", "role", "dave", "editor")).Output.ShouldContain("dave is now editor");
        (await _cli.RunAsync("users", "disable", "dave")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("users", "list")).Lines.ShouldContain(l => l.StartsWith("dave", StringComparison.Ordinal) && l.Contains("editor", StringComparison.Ordinal) && l.EndsWith("disabled", StringComparison.Ordinal));
        (await _cli.RunAsync("users", "enable", "dave")).ExitCode.ShouldBe(0);
        (await WithStdinAsync("another long password", "users", "reset", "dave", "--password-stdin")).Output.ShouldContain("new password for dave");
        var missing = await _cli.RunAsync("users", "role", "nobody", "admin");
        missing.ExitCode.ShouldBe(1);
        missing.Error.ShouldContain("no user called 'nobody'");

        var audit = await _cli.RunAsync("audit", "--format", "csv");
        audit.ExitCode.ShouldBe(0, audit.Error);
        audit.Output.ShouldStartWith("id,at,actor,address,action");
        foreach (var action in new[] { "user-add", "user-role", "user-disable", "user-enable", "user-reset" })
        {
            audit.Output.ShouldContain("," + action + ",");
        }

        var roles = await _cli.RunAsync("audit", "--action", "user-role");
        roles.Lines.Length.ShouldBe(1);
        roles.Output.ShouldContain("dave: reader -> editor");
    }

    [Fact]
    public async Task Tokens_CreateListRevoke_NeverShowTheTokenAgain()
    {
        (await WithStdinAsync(Password, "users", "add", "erin", "--role", "editor", "--password-stdin")).ExitCode.ShouldBe(0);
        var created = await _cli.RunAsync("tokens", "create", "erin", "--name", "ci");
        created.ExitCode.ShouldBe(0, created.Error);
        var token = created.Output.Trim();
        token.ShouldStartWith("lantern_");

        var list = await _cli.RunAsync("tokens", "list");
        list.Output.ShouldContain("erin");
        list.Output.ShouldContain("active");
        list.Output.ShouldNotContain(token);
        var id = list.Lines.Single().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        (await _cli.RunAsync("tokens", "revoke", id)).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("tokens", "list")).Output.ShouldContain("revoked");
        (await _cli.RunAsync("tokens", "revoke", "999")).Error.ShouldContain("no token 999");
        if (TestStore.ConnectionStringFor(_cli.DataFolder) is { } db)
        {
            using var connection = new Npgsql.NpgsqlConnection(db);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM access_tokens t WHERE strpos(row_to_json(t)::text, @token) > 0";
            command.Parameters.AddWithValue("token", token);
            Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);
        }
        else
        {
            File.ReadAllBytes(Path.Combine(_cli.DataFolder, "lantern.db")).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(token)).ShouldBe(-1);
        }
    }

    [Fact]
    public async Task Audit_FiltersByDate_AndWritesAFile_AndRejectsABadDate()
    {
        (await WithStdinAsync(Password, "users", "add", "fay", "--password-stdin")).ExitCode.ShouldBe(0);
        var file = Path.Combine(_cli.Folder, "audit.csv");
        var written = await _cli.RunAsync("audit", "--since", "2000-01-01", "--user", UsersCommandActor(), "--format", "csv", "--out", file);
        written.ExitCode.ShouldBe(0, written.Error);
        File.ReadAllText(file).ShouldContain("user-add");
        (await _cli.RunAsync("audit", "--until", "2000-01-01")).Output.Trim().ShouldBeEmpty();
        var bad = await _cli.RunAsync("audit", "--since", "yesterday-ish");
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("--since must be a date");
    }

    private static string UsersCommandActor() => Lantern.Cli.Commands.UsersCommand.Actor;

    public void Dispose() => _cli.Dispose();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StdinCollection
{
    public const string Name = "stdin";
}
