using System.Security.Cryptography;
using System.Text;
using Lantern.Core.Loading;
using Lantern.Core.Model;

namespace Lantern.Core.Tests.Loading;

public class TextLoadingTests
{
    private readonly DocumentLoader _loader = new();

    [Fact]
    public void Load_PlainText_ReadsTextAndSetsHashFormatAndLength()
    {
        var bytes = Encoding.UTF8.GetBytes("Learning from Rapid Reviews\n\nRR 1/22\n");
        var doc = _loader.Load("bulletin.TXT", bytes);
        doc.IsRejected().ShouldBeFalse();
        doc.RawText.ShouldBe("Learning from Rapid Reviews\n\nRR 1/22\n");
        doc.Format.ShouldBe("txt");
        doc.Length.ShouldBe(bytes.Length);
        doc.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        doc.FileName.ShouldBe("bulletin.TXT");
    }

    [Fact]
    public void Load_CommittedMarkdownFixture_ReadsAsMarkdownFormat()
    {
        var doc = _loader.Load(Path.Combine(RepoPaths.TestData, "loading", "briefing.md"));
        doc.IsRejected().ShouldBeFalse();
        doc.Format.ShouldBe("md");
        doc.RawText.ShouldContain("## Key learning");
        StandardNormalisation.Run(doc.RawText).ShouldContain("• Professional curiosity about who lives in the home.");
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "utf-8")]
    [InlineData(new byte[] { 0xFF, 0xFE }, "utf-16LE")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "utf-16BE")]
    public void Load_TextWithByteOrderMark_DecodesWithThatEncoding(byte[] bom, string encodingName)
    {
        var encoding = encodingName switch
        {
            "utf-16LE" => Encoding.Unicode,
            "utf-16BE" => Encoding.BigEndianUnicode,
            _ => new UTF8Encoding(false),
        };
        var bytes = bom.Concat(encoding.GetBytes("Child’s voice – “heard”")).ToArray();
        var doc = _loader.Load("note.txt", bytes);
        doc.IsRejected().ShouldBeFalse();
        doc.RawText.ShouldBe("Child’s voice – “heard”");
        doc.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Load_InvalidUtf8ThatReadsAsWindows1252_DecodesWithWarningNamingOffset()
    {
        // "Caf\xE9 \x93quoted\x94": an accented e and smart quotes as Windows-1252 writes them.
        var bytes = Encoding.ASCII.GetBytes("Caf_ _quoted_").ToArray();
        bytes[3] = 0xE9;
        bytes[5] = 0x93;
        bytes[12] = 0x94;
        var doc = _loader.Load("old.txt", bytes);
        doc.IsRejected().ShouldBeFalse();
        doc.RawText.ShouldBe("Café “quoted”");
        var warning = doc.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Code.ShouldBe(LoadErrorCodes.EncodingFallback);
        warning.Message.ShouldContain("old.txt");
        warning.Message.ShouldContain("offset 3");
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })]
    public void Load_EmptyOrWhitespaceFile_IsRejectedAsEmpty(byte[] bytes)
    {
        var doc = _loader.Load("empty.txt", bytes);
        doc.IsRejected().ShouldBeTrue();
        doc.RawText.ShouldBeEmpty();
        doc.RejectionReason().ShouldBe("empty.txt: the file is empty");
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.Empty);
    }

    [Fact]
    public void Load_BinaryBytesNamedTxt_IsRejectedAsBinary()
    {
        var bytes = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x3E, 0x00 };
        var doc = _loader.Load("program.txt", bytes);
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason()!.ShouldStartWith("program.txt: ");
        doc.RejectionReason()!.ShouldContain("binary");
        doc.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public void Load_MostlyControlCharacters_IsRejectedAsBinary()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray();
        _loader.Load("noise.md", bytes).RejectionReason()!.ShouldContain("binary");
    }

    [Theory]
    [InlineData("report.xyz", "report.xyz: unsupported file type '.xyz' (Lantern reads .txt, .md, .html, .htm, .docx and .pdf)")]
    [InlineData("README", "README: unsupported file type (the name has no extension) (Lantern reads .txt, .md, .html, .htm, .docx and .pdf)")]
    public void Load_UnsupportedExtension_IsRejectedWithTheSupportedList(string name, string reason)
    {
        var doc = _loader.Load(name, Encoding.UTF8.GetBytes("some text"));
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason().ShouldBe(reason);
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.UnsupportedType);
    }

    [Fact]
    public void Load_FileOverTheSizeLimit_IsRejectedWithoutBeingRead()
    {
        using var temp = new TempFolder();
        var path = temp.File("big.txt");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            // Sparse: the length is set without writing 200 MB.
            stream.SetLength(200L * 1024 * 1024);
        }

        var doc = _loader.Load(path);
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason().ShouldBe("big.txt: the file is 200 MB; the largest Lantern accepts is 100 MB");
        doc.Length.ShouldBe(200L * 1024 * 1024);
        doc.Sha256.ShouldBeEmpty();
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.TooLarge);
    }

    [Fact]
    public void Load_BytesOverAConfiguredLimit_AreRejected()
    {
        var loader = new DocumentLoader { MaxBytes = 10 };
        loader.Load("small.txt", Encoding.UTF8.GetBytes("more than ten bytes of text")).IsRejected().ShouldBeTrue();
    }

    [Fact]
    public void Load_MissingPath_Throws()
    {
        Should.Throw<FileNotFoundException>(() => _loader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".txt")));
    }
}
