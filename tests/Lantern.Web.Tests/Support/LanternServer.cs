using Lantern.Storage.Abstractions;
using Lantern.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Lantern.Web.Tests.Support;

/// <summary>
/// The real app on a free loopback port over a library in a fresh temporary data folder, with the repository's
/// sample corpus loaded on start exactly as <c>lantern serve</c> does on first run.
/// </summary>
public sealed class LanternServer : IAsyncLifetime
{
    private readonly Func<string, IReviewLibrary>? _openLibrary;
    private WebApplication? _app;

    public LanternServer() : this(null) { }

    internal LanternServer(Func<string, IReviewLibrary>? openLibrary) => _openLibrary = openLibrary;

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "lantern-web-tests-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Lantern.slnx not found above the test binaries");
        }
    }

    public async Task InitializeAsync()
    {
        _app = LanternWebApp.Create(new LanternWebOptions
        {
            DataFolder = DataFolder,
            Urls = "http://127.0.0.1:0",
            SamplesFolder = Path.Combine(RepositoryRoot, "samples"),
            ConsoleLogging = false,
            MaxUploadBytes = 1024 * 1024,
            OpenLibrary = _openLibrary ?? TestLibrary.Open,
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Lantern.Tests.Shared.Database.TestStore.Release(DataFolder);

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }
}
