using System.CommandLine;
using Lantern.Cli.Infrastructure;
using Lantern.Core.Model;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern themes resources add|list|remove</c>: links from themes to the partnership's own procedures and guidance.</summary>
internal sealed class ThemesCommand : ICliCommand
{
    public Command Build()
    {
        var resources = new Command("resources", "Links from a theme to local procedures, guidance and training");
        resources.Subcommands.Add(Add());
        resources.Subcommands.Add(List());
        resources.Subcommands.Add(Remove());
        return new Command("themes", "Themes of the codebook") { resources };
    }

    private static Viewer Operator() => new(Environment.UserName is { Length: > 0 } name ? name : "local", Role.Admin);

    private static Command Add()
    {
        var theme = new Argument<string>("THEME") { Description = "The theme code, for example information-sharing" };
        var title = new Option<string>("--title") { Description = "The resource's title", Required = true };
        var url = new Option<string>("--url") { Description = "Its http:// or https:// address", Required = true };
        var command = new Command("add", "Link a theme to a local resource") { theme, title, url };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.Open(parseResult);
            var outcome = await library.AddThemeResourceAsync(parseResult.GetValue(theme)!, parseResult.GetValue(title)!, parseResult.GetValue(url)!, Operator(), cancellationToken).ConfigureAwait(false);
            if (!outcome.Stored)
            {
                return parseResult.Fail(outcome.Message);
            }

            parseResult.Out().WriteLine(outcome.Message);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var theme = new Argument<string?>("THEME") { Description = "Only this theme", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List local resources") { theme };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var resources = await library.ListThemeResourcesAsync(parseResult.GetValue(theme), cancellationToken).ConfigureAwait(false);
            foreach (var r in resources)
            {
                parseResult.Out().WriteLine($"#{r.Id} {r.ThemeCode}: {r.Title} <{r.Url}>");
            }

            parseResult.Out().WriteLine($"{resources.Count} resource(s)");
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = new Argument<long>("ID") { Description = "The resource's number (see `themes resources list`)" };
        var command = new Command("remove", "Remove a local resource") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var library = LibraryOpener.OpenExisting(parseResult);
            if (library is null)
            {
                return parseResult.NoLibrary();
            }

            var outcome = await library.RemoveThemeResourceAsync(parseResult.GetValue(id), Operator(), cancellationToken).ConfigureAwait(false);
            if (!outcome.Stored)
            {
                return parseResult.Fail(outcome.Message);
            }

            parseResult.Out().WriteLine(outcome.Message);
            return 0;
        });
        return command;
    }
}
