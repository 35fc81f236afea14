using System.CommandLine;
using Lantern.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lantern.Cli.Commands;

/// <summary><c>lantern serve</c>: the web app and JSON API over the library in the data folder.</summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Build()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {LanternWebOptions.DefaultUrls})",
            DefaultValueFactory = _ => LanternWebOptions.DefaultUrls,
        };
        var samples = new Option<string?>("--samples")
        {
            Description = "Folder of documents to load when the library is empty (default: samples/ next to the program)",
        };
        var requireSignIn = new Option<bool>("--require-sign-in") { Description = "Let no one in without an account (also config Lantern:RequireSignIn)" };
        var secureCookies = new Option<bool>("--secure-cookies") { Description = "Send the sign-in cookie over HTTPS only (use behind an HTTPS proxy)" };
        var command = new Command("serve", "Serve the web app and JSON API; on first run, load the sample corpus") { urls, samples, requireSignIn, secureCookies };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LanternWebOptions
            {
                DataFolder = GlobalOptions.ResolveDataFolder(parseResult),
                Database = GlobalOptions.ResolveDb(parseResult),
                Urls = parseResult.GetValue(urls) ?? LanternWebOptions.DefaultUrls,
                SamplesFolder = Path.GetFullPath(parseResult.GetValue(samples) ?? Path.Combine(AppContext.BaseDirectory, "samples")),
                RequireSignIn = parseResult.GetValue(requireSignIn),
                SecureCookies = parseResult.GetValue(secureCookies),
            };
            var output = parseResult.InvocationConfiguration.Output;
            await using var app = LanternWebApp.Create(options);
            await app.StartAsync(cancellationToken);
            var where = app.Services.GetService<Lantern.Storage.Abstractions.IReviewLibrary>() is Lantern.Storage.Library.LanternLibrary { Database.Provider: Lantern.Storage.Library.DatabaseProvider.Postgres } shared
                ? $"the PostgreSQL library ({shared.Database.ConnectionString})"
                : options.DataFolder;
            await output.WriteLineAsync($"Lantern is serving {where} at {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
