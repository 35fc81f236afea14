using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Lantern.Core.Loading;

namespace Lantern.Core.Tests.Loading;

public class DocxLoadingTests
{
    private readonly DocumentLoader _loader = new();

    internal static byte[] BuildDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text("RUNNING HEADER TEXT"))));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new Text("Footer page text"))));
            main.Document = new Document(new Body(
                Para("Learning from Local Child Safeguarding Practice Review: Child LR"),
                Para(""),
                Para("Child LR was 7 months old."),
                ListPara("Hear the voice of the child", numbered: true),
                ListPara("Share information early", numbered: false),
                Para("Actions taken by the partnership."),
                new Table(
                    new TableRow(Cell("Agency"), Cell("Action")),
                    new TableRow(Cell("Health"), Cell("Revise the bruising protocol"))),
                new SectionProperties(new HeaderReference { Id = main.GetIdOfPart(header), Type = HeaderFooterValues.Default })));
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph ListPara(string text, bool numbered) => numbered
        ? new Paragraph(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })),
            new Run(new Text(text)))
        : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }), new Run(new Text(text)));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));

    [Fact]
    public void Load_DocxWithBulletedList_ReadsParagraphsListItemsAndTableRows()
    {
        var doc = _loader.Load("review.docx", BuildDocx());
        doc.IsRejected().ShouldBeFalse(doc.RejectionReason());
        doc.Format.ShouldBe("docx");
        doc.RawText.ShouldBe(
            "Learning from Local Child Safeguarding Practice Review: Child LR\n\n" +
            "Child LR was 7 months old.\n\n" +
            "• Hear the voice of the child\n• Share information early\n\n" +
            "Actions taken by the partnership.\n\n" +
            "Agency | Action\nHealth | Revise the bruising protocol");
    }

    [Fact]
    public void Load_DocxWithHeaderAndFooter_SkipsThem()
    {
        var text = _loader.Load("review.docx", BuildDocx()).RawText;
        text.ShouldNotContain("RUNNING HEADER");
        text.ShouldNotContain("Footer page text");
    }

    [Fact]
    public void Load_DocxWithTextBox_ReadsTheBoxOnceAsItsOwnParagraph()
    {
        static TextBoxContent Box() => new(new Paragraph(new Run(new Text("Key learning: see the baby"))));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(
                    new Run(new Text("Briefing for practitioners")),
                    new Run(new AlternateContent(
                        new AlternateContentChoice(Box()) { Requires = "wps" },
                        new AlternateContentFallback(Box()))))));
        }

        var doc = _loader.Load("briefing.docx", stream.ToArray());
        doc.RawText.ShouldBe("Briefing for practitioners\n\nKey learning: see the baby");
    }

    [Fact]
    public void Load_DocxWithoutText_IsRejected()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
        }

        var doc = _loader.Load("blank.docx", stream.ToArray());
        doc.RejectionReason().ShouldBe("blank.docx: the document has no text (only pictures or empty pages?)");
    }

    [Fact]
    public void Load_TruncatedDocx_IsRejectedAsDamaged()
    {
        var bytes = BuildDocx();
        var doc = _loader.Load("cut.docx", bytes[..(bytes.Length / 2)]);
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason()!.ShouldStartWith("cut.docx: the .docx is damaged or truncated");
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.DocxDamaged);
    }

    [Fact]
    public void Load_TextRenamedDocx_IsRejectedAsDamaged()
    {
        _loader.Load("notes.docx", "just some text, not a zip"u8.ToArray()).Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.DocxDamaged);
    }

    [Fact]
    public void Load_ZipBombRenamedDocx_IsRejectedAsZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest);
            using var entryStream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 50; i++)
            {
                entryStream.Write(zeros);
            }
        }

        var doc = _loader.Load("bomb.docx", stream.ToArray());
        doc.IsRejected().ShouldBeTrue();
        doc.RejectionReason()!.ShouldStartWith("bomb.docx: looks like a zip bomb (");
        doc.Diagnostics.Single().Code.ShouldBe(LoadErrorCodes.ZipBomb);
    }

    [Fact]
    public void Load_ZipWithoutWordDocument_IsRejectedAsNotWord()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open());
            writer.Write("<office:document/>");
        }

        var doc = _loader.Load("spreadsheet.docx", stream.ToArray());
        doc.RejectionReason().ShouldBe("spreadsheet.docx: not a Word document (the zip holds no word/document.xml)");
    }
}
