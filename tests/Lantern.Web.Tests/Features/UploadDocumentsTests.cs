using Lantern.Core.Model;
using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Web.Access;
using Lantern.Web.Features.Documents;
using Lantern.Web.Hosting;
using Lantern.Tests.Shared.Database;

namespace Lantern.Web.Tests.Features;

public sealed class UploadDocumentsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantern-upload-tests-" + Guid.NewGuid().ToString("N"));

    private sealed class FixedViewer(Viewer viewer) : IViewerAccessor
    {
        public Viewer Current => viewer;
    }

    private UploadDocuments Upload(Viewer viewer, out LanternLibrary library)
    {
        library = LanternLibrary.Open(TestStore.For(_folder));
        return new UploadDocuments(library, new FixedViewer(viewer), new LanternWebOptions { DataFolder = _folder, MaxUploadBytes = 1000 });
    }

    private static UploadedFile File(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes));

    [Fact]
    public async Task Handle_Anonymous_IsRefusedAndAddsNothing()
    {
        var upload = Upload(Viewer.Anonymous, out var library);
        using (library)
        {
            upload.CanUpload.ShouldBeFalse();
            await Should.ThrowAsync<UnauthorizedAccessException>(() => upload.HandleAsync([File("a.txt", "Rapid review"u8.ToArray())], Visibility.Public, default));
            (await library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(0);
        }
    }

    [Fact]
    public async Task Handle_EachFile_GetsItsOwnOutcome_TooLargeWrongTypeEmptyAndDuplicate()
    {
        var upload = Upload(new Viewer("editor", Role.Editor), out var library);
        using (library)
        {
            var good = "Rapid review: Child C\n\nLearning\n- Hear the voice of the child.\n"u8.ToArray();
            var outcomes = await upload.HandleAsync(
            [
                File("good.txt", good),
                File("again.txt", good),
                File("big.txt", new byte[1001]),
                File("empty.md", []),
                File("tool.exe", [1, 2, 3]),
                File("binary.txt", [0x41, 0x00, 0x42]),
            ], Visibility.Restricted, default);

            outcomes.Select(o => o.Status).ShouldBe([IngestStatus.Added, IngestStatus.AlreadyPresent, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Rejected]);
            outcomes[2].Message.ShouldContain("smaller than");
            outcomes[3].Message.ShouldContain("empty");
            outcomes[4].Message.ShouldContain(".exe");
            outcomes[5].Message.ShouldContain("not text");
            (await library.GetOverviewAsync(Viewer.Anonymous)).DocumentCount.ShouldBe(0);
            (await library.GetOverviewAsync(Viewer.LocalOperator)).DocumentCount.ShouldBe(1);
        }
    }

    public void Dispose()
    {
        TestStore.Release(_folder);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
