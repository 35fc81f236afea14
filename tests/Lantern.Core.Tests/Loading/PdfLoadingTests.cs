using Lantern.Core.Loading;
using Lantern.Tests.Shared;

namespace Lantern.Core.Tests.Loading;

public class PdfLoadingTests
{
    private const string RunningHeader = "Example Safeguarding Partnership Learning Bulletin";

    private static readonly string[][] Pages =
    [
        [
            "Learning from Rapid Reviews 2023",
            "",
            "RR 1/23",
            "A nine-month-old baby was admitted to hospital with bruising. The",
            "health visitor had seen the baby at home twice in the month before",
            "the admission and the social worker visited the family but",
        ],
        [
            "did not see the baby on the last visit.",
            "",
            "Learning identified:",
            "\u2022 Practitioners should see the baby at every visit.",
            "\u2022 Multi-agency strategy meetings should include the GP.",
        ],
    ];

    internal static byte[] BuildPdf()
    {
        var pages = new List<IReadOnlyList<MinimalPdf.TextLine>>();
        for (var p = 0; p < Pages.Length; p++)
        {
            var lines = new List<MinimalPdf.TextLine> { new(60, 40, RunningHeader) };
            var y = 100.0;
            foreach (var line in Pages[p])
            {
                if (line.Length > 0)
                {
                    lines.Add(new(60, y, line));
                }

                y += 16;
            }

            lines.Add(new(270, MinimalPdf.PageHeight - 40, $"Page {p + 1} of {Pages.Length}"));
            pages.Add(lines);
        }

        return MinimalPdf.Build(pages);
    }

    [RequiresToolFact("pdftotext")]
    public void Load_TwoPagePdf_KeepsPageBreaksForNormalisation()
    {
        var doc = new DocumentLoader().Load("bulletin.pdf", BuildPdf());
        doc.IsRejected().ShouldBeFalse(doc.RejectionReason());
        doc.Format.ShouldBe("pdf");
        doc.RawText.ShouldContain("\f");
        doc.RawText.ShouldContain(RunningHeader);
    }

    [RequiresToolFact("pdftotext")]
    public void Load_TwoPagePdfThenNormalise_RemovesRepeatedRunningHeaderAndPageNumbers()
    {
        var raw = new DocumentLoader().Load("bulletin.pdf", BuildPdf()).RawText;
        var text = StandardNormalisation.Run(raw);
        if (Environment.GetEnvironmentVariable("LANTERN_DUMP_NORMALISED") is { Length: > 0 } dump)
        {
            File.WriteAllText(Path.Combine(dump, "pdf-raw.txt"), raw);
            File.WriteAllText(Path.Combine(dump, "pdf-normalised.txt"), text);
        }

        // The header's first copy opens the document, so it is kept once as its title line; every other copy goes.
        text.Split('\n').Count(l => l.Contains(RunningHeader, StringComparison.Ordinal)).ShouldBe(1);
        text.ShouldStartWith(RunningHeader + "\n");
        text.ShouldNotContain("Page 1");
        text.ShouldNotContain("Page 2");
        var lines = text.Split('\n');
        lines.ShouldContain("Learning from Rapid Reviews 2023");
        lines.ShouldContain("RR 1/23");
        lines.ShouldContain(
            "A nine-month-old baby was admitted to hospital with bruising. The health visitor had seen the baby at home twice in the month before the admission and the social worker visited the family but did not see the baby on the last visit.");
        lines.ShouldContain("• Practitioners should see the baby at every visit.");
        lines.ShouldContain("• Multi-agency strategy meetings should include the GP.");
    }

    [RequiresToolFact("pdftotext")]
    public void Load_PdfFromDisk_ReadsTheSameText()
    {
        using var temp = new TempFolder();
        var path = temp.File("bulletin.PDF");
        var bytes = BuildPdf();
        File.WriteAllBytes(path, bytes);
        var loader = new DocumentLoader();
        loader.Load(path).RawText.ShouldBe(loader.Load("bulletin.pdf", bytes).RawText);
    }

    [Fact]
    public void Load_BinaryFileNamedPdf_IsRejectedAsNotAPdf()
    {
        var doc = new DocumentLoader().Load("report.pdf", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason().ShouldBe("report.pdf: not a PDF (it does not start with %PDF-)");
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.NotPdf);
        doc.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public void Load_PdfWhenPdftotextIsMissing_IsRejectedWithInstallAdvice()
    {
        var loader = new DocumentLoader { PdfToTextPath = "/nonexistent/bin/pdftotext" };
        var doc = loader.Load("report.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray());
        doc.RejectionReason().ShouldBe("report.pdf: PDF text needs Poppler's pdftotext, which is not installed (install the poppler-utils package)");
    }

    [Fact]
    public void Load_PdfWithToolVariableNamingAMissingProgram_IsRejectedWithInstallAdvice()
    {
        // Tests in one class run one at a time, so no other PDF test sees the variable.
        var before = Environment.GetEnvironmentVariable("LANTERN_PDFTOTEXT");
        Environment.SetEnvironmentVariable("LANTERN_PDFTOTEXT", "/nonexistent/bin/pdftotext");
        try
        {
            new DocumentLoader().Load("report.pdf", "%PDF-1.7\n%%EOF\n"u8.ToArray()).Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.PdfToolMissing);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LANTERN_PDFTOTEXT", before);
        }
    }

    [Fact]
    public void Load_PdfWhenPdftotextFails_IsRejectedWithItsFirstErrorLine()
    {
        using var temp = new TempFolder();
        var tool = FakeTool(temp, "echo \"Syntax Error: Couldn't read xref table\" >&2\necho \"second line\" >&2\nexit 1");
        var doc = new DocumentLoader { PdfToTextPath = tool }.Load("broken.pdf", "%PDF-1.7\n"u8.ToArray());
        doc.RejectionReason().ShouldBe("broken.pdf: pdftotext could not read it (Syntax Error: Couldn't read xref table)");
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.PdfFailed);
    }

    [Fact]
    public void Load_PdfWhenPdftotextHangs_IsRejectedAfterTheTimeout()
    {
        using var temp = new TempFolder();
        var tool = FakeTool(temp, "sleep 30");
        var doc = new DocumentLoader { PdfToTextPath = tool, PdfTimeout = TimeSpan.FromSeconds(1) }.Load("slow.pdf", "%PDF-1.7\n"u8.ToArray());
        doc.RejectionReason().ShouldBe("slow.pdf: pdftotext did not finish within 1 second");
    }

    [Fact]
    public void Load_PdfFromBytes_LeavesNoTemporaryFileBehind()
    {
        using var temp = new TempFolder();
        var seen = temp.File("seen.txt");
        var tool = FakeTool(temp, $"echo \"$5\" > '{seen}'\nprintf 'Some text\\f'");
        var doc = new DocumentLoader { PdfToTextPath = tool }.Load("bulletin.pdf", "%PDF-1.7\n"u8.ToArray());
        doc.RawText.ShouldBe("Some text\f");
        var tempPdf = File.ReadAllText(seen).Trim();
        tempPdf.ShouldEndWith(".pdf");
        File.Exists(tempPdf).ShouldBeFalse();
    }

    // A stand-in for pdftotext: a shell script with the given body.
    private static string FakeTool(TempFolder temp, string body)
    {
        var path = temp.File("pdftotext");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    [RequiresToolFact("pdftotext")]
    public void Load_CorruptPdf_IsRejectedWithPdftotextsMessage()
    {
        var doc = new DocumentLoader().Load("broken.pdf", "%PDF-1.7\nthis is not really a pdf\n"u8.ToArray());
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason()!.ShouldStartWith("broken.pdf: ");
    }

    [RequiresToolFact("pdftotext")]
    public void Load_PdfWithoutText_IsRejectedAsScanned()
    {
        var bytes = MinimalPdf.Build([[]]);
        var doc = new DocumentLoader().Load("scan.pdf", bytes);
        doc.RejectionReason().ShouldBe("scan.pdf: no text layer (a scanned PDF?)");
    }
}
