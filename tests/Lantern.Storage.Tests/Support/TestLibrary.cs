using System.Text;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;

namespace Lantern.Storage.Tests.Support;

/// <summary>A library in a fresh temporary data folder, read with <see cref="KeyedTextPipeline"/>; deleted on dispose.</summary>
public sealed class TestLibrary : IDisposable
{
    public TestLibrary(string pipelineVersion = "test-1")
    {
        Folder = Path.Combine(Path.GetTempPath(), "lantern-storage-tests", Guid.NewGuid().ToString("N"));
        Library = LanternLibrary.Open(Folder, Options(pipelineVersion));
    }

    public string Folder { get; }

    public LanternLibrary Library { get; private set; }

    public static LanternLibraryOptions Options(string pipelineVersion = "test-1") =>
        new() { Pipeline = KeyedTextPipeline.Build(pipelineVersion), Clock = new StepClock() };

    public Task<IngestOutcome> AddAsync(string fileName, string text, Visibility visibility = Visibility.Public) =>
        Library.IngestAsync(fileName, Encoding.UTF8.GetBytes(text), new IngestOptions { Visibility = visibility });

    /// <summary>Closes and reopens the library (as a new process would).</summary>
    public void Reopen(LanternLibraryOptions? options = null)
    {
        Library.Dispose();
        Library = LanternLibrary.Open(Folder, options ?? Options());
    }

    public void Dispose()
    {
        Library.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>A clock that moves one minute on each reading, so "newest" order is deterministic.</summary>
public sealed class StepClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            _now = _now.AddMinutes(1);
            return _now;
        }
    }
}
