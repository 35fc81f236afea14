using System.CommandLine;
using Lantern.Cli.Infrastructure;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern tokens create|list|revoke</c>: personal access tokens for the API (<c>Authorization: Bearer</c>).</summary>
internal sealed class TokensCommand : ICliCommand
{
    public Command Build()
    {
        var command = new Command("tokens", "Personal access tokens for the API: create (shown once), list, revoke");
        command.Subcommands.Add(Create());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Create()
    {
        var user = new Argument<string>("USER") { Description = "The user the token acts as" };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "token" };
        var command = new Command("create", "Create a token; it is printed once and only its hash is kept") { user, name };
        command.SetAction((parseResult, cancellationToken) => UsersCommand.WithAccountsAsync(parseResult, async accounts =>
        {
            var result = await accounts.CreateTokenAsync(parseResult.GetValue(user)!, parseResult.GetValue(name)!, UsersCommand.Actor, UsersCommand.Address, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return parseResult.Fail(result.Message);
            }

            parseResult.Error().WriteLine($"{result.Message} Keep it secret; it is not shown again.");
            parseResult.Out().WriteLine(result.Token);
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var user = new Option<string?>("--user") { Description = "Only this user's tokens" };
        var command = new Command("list", "List tokens (never the tokens themselves)") { user };
        command.SetAction((parseResult, cancellationToken) => UsersCommand.WithAccountsAsync(parseResult, async accounts =>
        {
            foreach (var token in await accounts.ListTokensAsync(parseResult.GetValue(user), cancellationToken).ConfigureAwait(false))
            {
                parseResult.Out().WriteLine($"{token.Id,5} {token.UserName,-20} {token.Name,-20} {token.CreatedAt} {(token.RevokedAt is null ? "active" : "revoked " + token.RevokedAt)}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<long>("ID") { Description = "The token's id (from `lantern tokens list`)" };
        var command = new Command("revoke", "Revoke a token at once") { id };
        command.SetAction((parseResult, cancellationToken) => UsersCommand.WithAccountsAsync(parseResult, async accounts =>
            UsersCommand.Report(parseResult, await accounts.RevokeTokenAsync(parseResult.GetValue(id), UsersCommand.Actor, UsersCommand.Address, cancellationToken).ConfigureAwait(false))));
        return command;
    }
}
