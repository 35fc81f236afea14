using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Web.Accounts;

namespace Lantern.Cli.Commands;

/// <summary>
/// <c>lantern users add|list|disable|enable|reset|role</c>: the accounts of the web app. The first admin is made
/// here (<c>lantern users add NAME --admin</c>); there is no default account or password.
/// </summary>
internal sealed class UsersCommand : ICliCommand
{
    /// <summary>Who made a change from the command line, and from where, for the audit trail.</summary>
    internal static string Actor => "cli:" + (Environment.UserName is { Length: > 0 } name ? name : "local");

    internal const string Address = "cli";

    public Command Build()
    {
        var command = new Command("users", "Manage web accounts: add, list, disable, enable, reset a password, set a role (reader, editor, admin)");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetDisabled("disable", true));
        command.Subcommands.Add(SetDisabled("enable", false));
        command.Subcommands.Add(Reset());
        command.Subcommands.Add(SetRole());
        return command;
    }

    /// <summary>Runs <paramref name="work"/> over the accounts of the library in the data folder, creating it if needed.</summary>
    internal static async Task<int> WithAccountsAsync(ParseResult parseResult, Func<AccountStore, Task<int>> work)
    {
        using var library = LibraryOpener.Open(parseResult);
        await using var services = AccountServices.Open(library.Location, library);
        return await work(services.Accounts).ConfigureAwait(false);
    }

    internal static int Report(ParseResult parseResult, AccountResult result)
    {
        if (!result.Succeeded)
        {
            return parseResult.Fail(result.Message);
        }

        parseResult.Out().WriteLine(result.Message);
        return 0;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The user name they sign in with" };
        var admin = new Option<bool>("--admin") { Description = "Make the user an admin (same as --role admin)" };
        var role = new Option<string>("--role") { Description = "reader, editor or admin (default reader)", DefaultValueFactory = _ => LanternRoles.Reader };
        role.AcceptOnlyFromAmong([.. LanternRoles.All]);
        var command = new Command("add", "Add a user; the password is prompted for, or read with --password-stdin") { name, admin, role, PasswordInput.FromStdin };
        command.SetAction((parseResult, cancellationToken) => WithAccountsAsync(parseResult, async accounts =>
        {
            var userName = parseResult.GetValue(name)!;
            if (PasswordInput.Read(parseResult, userName) is not { } password)
            {
                return 1;
            }

            var chosen = parseResult.GetValue(admin) ? LanternRoles.Admin : parseResult.GetValue(role) ?? LanternRoles.Reader;
            return Report(parseResult, await accounts.AddAsync(userName, password, chosen, Actor, Address, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json") { Description = "Write the list as JSON" };
        var command = new Command("list", "List the users with their role and whether they are disabled or locked out") { json };
        command.SetAction((parseResult, cancellationToken) => WithAccountsAsync(parseResult, async accounts =>
        {
            var users = await accounts.ListAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                parseResult.WriteJson(users);
                return 0;
            }

            if (users.Count == 0)
            {
                parseResult.Out().WriteLine("No users yet: add the first admin with `lantern users add NAME --admin`.");
            }

            foreach (var user in users)
            {
                parseResult.Out().WriteLine($"{user.UserName,-24} {user.Role,-7} {(user.Disabled ? "disabled" : user.LockedOut ? "locked out" : "active")}");
            }

            return 0;
        }));
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled)
    {
        var name = new Argument<string>("NAME");
        var command = new Command(verb, disabled ? "Disable a user: they can no longer sign in, and their tokens stop working" : "Enable a disabled user again") { name };
        command.SetAction((parseResult, cancellationToken) => WithAccountsAsync(parseResult, async accounts =>
            Report(parseResult, await accounts.SetDisabledAsync(parseResult.GetValue(name)!, disabled, Actor, Address, cancellationToken).ConfigureAwait(false))));
        return command;
    }

    private static Command Reset()
    {
        var name = new Argument<string>("NAME");
        var command = new Command("reset", "Set a new password for a user (and clear a lockout)") { name, PasswordInput.FromStdin };
        command.SetAction((parseResult, cancellationToken) => WithAccountsAsync(parseResult, async accounts =>
        {
            var userName = parseResult.GetValue(name)!;
            if (PasswordInput.Read(parseResult, userName) is not { } password)
            {
                return 1;
            }

            return Report(parseResult, await accounts.ResetPasswordAsync(userName, password, Actor, Address, cancellationToken).ConfigureAwait(false));
        }));
        return command;
    }

    private static Command SetRole()
    {
        var name = new Argument<string>("NAME");
        var role = new Argument<string>("ROLE") { Description = "reader, editor or admin" };
        role.AcceptOnlyFromAmong([.. LanternRoles.All]);
        var command = new Command("role", "Set a user's role: reader (public material), editor (also restricted material and edits), admin (also users)") { name, role };
        command.SetAction((parseResult, cancellationToken) => WithAccountsAsync(parseResult, async accounts =>
            Report(parseResult, await accounts.SetRoleAsync(parseResult.GetValue(name)!, parseResult.GetValue(role)!, Actor, Address, cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
