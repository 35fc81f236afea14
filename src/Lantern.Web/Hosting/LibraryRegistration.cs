using Lantern.Core.Coding;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Web.Features.Coding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lantern.Web.Hosting;

internal static class LibraryRegistration
{
    public static IServiceCollection AddLanternLibrary(this IServiceCollection services, LanternWebOptions options)
    {
        services.AddSingleton(_ => options.OpenLibrary is { } open
            ? open(options.DataFolder)
            : SavedCodebookLibrary.Open(new LibraryLocation(options.DataFolder, options.Database)));
        services.AddHostedService<SampleCorpusLoader>();
        return services;
    }
}

/// <summary>
/// Opens the embedded library in a data folder with the codebook saved there from the codebook page
/// (<c>codebook.json</c>), so new imports and re-extraction use it; the built-in codebook when none is saved.
/// Used by <c>lantern serve</c> and the CLI verbs alike.
/// </summary>
public static class SavedCodebookLibrary
{
    /// <summary>Opens (creating and migrating on first use) the SQLite library in <paramref name="dataFolder"/>.</summary>
    public static LanternLibrary Open(string dataFolder) => Open(new LibraryLocation(dataFolder));

    /// <summary>Opens (creating and migrating on first use) the library at <paramref name="location"/>.</summary>
    public static LanternLibrary Open(LibraryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (CodebookStore.ReadSaved(location.DataFolder) is not { } codebook)
        {
            return LanternLibrary.Open(location);
        }

        var builder = new ReviewPipelineBuilder().UseDefaults();
        builder.ReviewExtractors.RemoveAll(e => e is ThemeCoder);
        builder.UseThemeCoding(codebook);
        return LanternLibrary.Open(location, new LanternLibraryOptions { Pipeline = builder.Build(), Codebook = codebook });
    }
}

/// <summary>
/// On first run with an empty library, ingests the sample corpus so that a new user sees real reviews at once.
/// Runs while the host is starting, before the server listens.
/// </summary>
internal sealed partial class SampleCorpusLoader(IReviewLibrary library, LanternWebOptions options, ILogger<SampleCorpusLoader> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var folder = options.SamplesFolder;
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return;
        }

        var overview = await library.GetOverviewAsync(Viewer.LocalOperator, cancellationToken);
        if (overview.DocumentCount > 0)
        {
            return;
        }

        // The samples are published bulletins: they go in public even where the sensitive-data check quotes a duty line.
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var outcome = await library.IngestAsync(Path.GetFileName(path), bytes, new IngestOptions { Visibility = Visibility.Public, Actor = "samples" }, cancellationToken);
            LogSample(outcome.FileName, outcome.Status, outcome.Message);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample {FileName}: {Status} {Message}")]
    private partial void LogSample(string fileName, IngestStatus status, string message);
}
