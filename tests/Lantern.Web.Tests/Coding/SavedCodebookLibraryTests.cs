using Lantern.Core.Analysis.Agreement;
using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Web.Hosting;
using Lantern.Web.Tests.Support;

namespace Lantern.Web.Tests.Coding;

public sealed class SavedCodebookLibraryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-codebook-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Open_WithACodebookSavedInTheDataFolder_UsesItsCodes()
    {
        Directory.CreateDirectory(_folder);
        var json = File.ReadAllText(Path.Combine(LanternServer.RepositoryRoot, "src", "Lantern.Core", "Data", "codebook.json"));
        var index = json.IndexOf("\"codes\": [", StringComparison.Ordinal) + "\"codes\": [".Length;
        json = json.Insert(index, "{ \"code\": \"zebra-crossings\", \"label\": \"Zebra crossings\", \"definition\": \"Road safety.\", \"cues\": [\"zebra crossing\"] },");
        await File.WriteAllTextAsync(Path.Combine(_folder, "codebook.json"), json);
        var editor = new Viewer("tester", Role.Editor);

        using (var library = SavedCodebookLibrary.Open(_folder))
        {
            await library.IngestAsync("review.txt", "Rapid review: Child Z\n\nLearning\n- Agencies did not share information about the zebra crossing.\n"u8.ToArray(), new IngestOptions { Actor = "test" });
            var reviewId = await FirstReviewIdAsync(library, editor);
            (await library.RecordCodingDecisionAsync(reviewId, "zebra-crossings", CodingVerdict.Added, editor)).Stored.ShouldBeTrue();
        }

        File.Delete(Path.Combine(_folder, "codebook.json"));
        using (var builtIn = SavedCodebookLibrary.Open(_folder))
        {
            var reviewId = await FirstReviewIdAsync(builtIn, editor);
            (await builtIn.RecordCodingDecisionAsync(reviewId, "zebra-crossings", CodingVerdict.Added, editor)).Stored.ShouldBeFalse();
        }
    }

    private static async Task<long> FirstReviewIdAsync(IReviewLibrary library, Viewer viewer)
    {
        await foreach (var coding in library.ListCodingAsync(viewer))
        {
            return coding.ReviewId;
        }

        throw new InvalidOperationException("no review was extracted");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
