using System.Xml;
using System.Xml.Linq;
using Lantern.Core.Bulletins;
using Lantern.Tests.Shared;

namespace Lantern.Core.Tests.Bulletins;

public sealed class BulletinRendererTests
{
    private static BulletinModel GoldModel(string file = "001_543a515cae674488.json") =>
        new BulletinBuilder().ForReview(SomeReviews.FromGold(file)[0]);

    private static XDocument ParseXhtml(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Fact]
    public void ToMarkdown_BulletinLayout_HasTheSeedSectionsInOrder()
    {
        var model = GoldModel();

        var markdown = BulletinRenderer.ToMarkdown(model, BulletinTemplates.BuiltIn(BulletinLayout.Bulletin));

        var headings = markdown.Split('\n').Where(l => l.StartsWith('#')).ToList();
        headings[0].ShouldBe("# " + model.Heading);
        headings.Skip(1).ShouldBe(["## Summary", "## Key learning", "## Actions taken", "## Questions for practitioners", "## More information"]);
        markdown.ShouldContain("1. The need for effective information sharing");
        markdown.ShouldNotContain("{{");
    }

    [Fact]
    public void ToMarkdown_ReviewWithoutGoodPracticeOrActions_OmitsThoseSections()
    {
        var review = SomeReviews.Review("RR 3/22", ["Be professionally curious."], summary: "A baby was born at home.");
        var model = new BulletinBuilder().ForReview(new BulletinSource(review, "doc.txt"));

        var markdown = BulletinRenderer.ToMarkdown(model, BulletinTemplates.BuiltIn(BulletinLayout.Bulletin));

        markdown.ShouldNotContain("## Good practice");
        markdown.ShouldNotContain("## Actions taken");
        markdown.ShouldContain("## Key learning");
    }

    [Fact]
    public void ToMarkdown_SevenMinuteLayout_HasSevenNumberedSections()
    {
        var markdown = BulletinRenderer.ToMarkdown(GoldModel(), BulletinTemplates.BuiltIn(BulletinLayout.SevenMinute));

        var sections = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        sections.Count.ShouldBe(7);
        for (var i = 0; i < 7; i++)
        {
            sections[i].ShouldStartWith($"## {i + 1}. ");
        }

        markdown.ShouldStartWith("# Seven-minute briefing:");
    }

    [Fact]
    public void ToMarkdown_ThemeBriefingSevenMinute_ListsTheReviewsInTheCase()
    {
        var sources = SomeReviews.FromGold("003_13b63824d830b1de.json");
        var model = new BulletinBuilder().ForTheme("think-family", sources, Lantern.Core.Model.Viewer.Anonymous);

        var markdown = BulletinRenderer.ToMarkdown(model, BulletinTemplates.BuiltIn(BulletinLayout.SevenMinute));

        var caseSection = markdown[markdown.IndexOf("## 1. The case", StringComparison.Ordinal)..markdown.IndexOf("## 2.", StringComparison.Ordinal)];
        caseSection.ShouldContain("RR 3/22");
        caseSection.ShouldContain("RR 7/22");
        caseSection.ShouldNotContain("RR 1/22");
        markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)).ShouldBe(7);
        markdown.ShouldContain("(RR 7/22)");
    }

    [Fact]
    public void ToHtml_Page_IsWellFormedWithLangTitleOneH1AndOrderedHeadings()
    {
        foreach (var layout in new[] { BulletinLayout.Bulletin, BulletinLayout.SevenMinute })
        {
            var model = GoldModel();
            var html = BulletinRenderer.ToHtml(model, BulletinTemplates.BuiltIn(layout));

            var document = ParseXhtml(html);
            var root = document.Root!;
            root.Name.LocalName.ShouldBe("html");
            root.Attribute("lang")!.Value.ShouldBe("en-GB");
            root.Descendants("title").Single().Value.ShouldBe(model.Heading);
            root.Descendants("h1").Count().ShouldBe(1);
            root.Descendants("script").ShouldBeEmpty();
            root.Descendants("style").ShouldBeEmpty();
            root.Descendants().Where(e => e.Attribute("style") is not null).ShouldBeEmpty();

            var levels = root.Descendants().Where(e => e.Name.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6").Select(e => e.Name.LocalName[1] - '0').ToList();
            levels[0].ShouldBe(1);
            levels.Zip(levels.Skip(1)).ShouldAllBe(p => p.Second <= p.First + 1);
        }
    }

    [Fact]
    public void ToHtml_HostileDocumentText_IsEncoded()
    {
        var review = SomeReviews.Review("<b>X</b>", ["<script>alert('x')</script> & <img src=x onerror=y>"], summary: "Tom & Jerry <i>");
        var model = new BulletinBuilder().ForReview(new BulletinSource(review, "doc.txt"));

        var html = BulletinRenderer.ToHtml(model, BulletinTemplates.BuiltIn(BulletinLayout.Bulletin));

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>X");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("Tom &amp; Jerry &lt;i&gt;");
        ParseXhtml(html).Root!.Descendants("h1").Single().Value.ShouldContain("<b>X</b>");
    }

    [Fact]
    public void BulletinHtml_EditorTemplateWithJavascriptLink_IsNeutralised()
    {
        var html = BulletinHtml.Fragment("[click](javascript:alert(1)) <script>x</script>");

        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("<script>");
    }

    [Fact]
    public void ToPdf_Bulletin_StartsWithPdfHeader()
    {
        var bytes = BulletinRenderer.ToPdf(GoldModel(), BulletinTemplates.BuiltIn(BulletinLayout.Bulletin));

        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
    }

    [Fact]
    public void ToPdf_TextOutsideTheFont_StillWritesAPdf()
    {
        var review = SomeReviews.Review("Ω-1", ["Emoji 😀, maths 𝒜, CJK 儿童, control \u0001 and tab\tin text.", new string('x', 400)], summary: "Zero-width\u200b joiner and bidi \u202e text.");
        var model = new BulletinBuilder().ForReview(new BulletinSource(review, "doc.txt"));

        var bytes = BulletinRenderer.ToPdf(model, BulletinTemplates.BuiltIn(BulletinLayout.SevenMinute));

        bytes.Length.ShouldBeGreaterThan(1000);
    }

    [RequiresToolFact("pdftotext")]
    public void ToPdf_ReadBackWithPdftotext_HoldsHeadingsAndLearning()
    {
        var model = GoldModel();
        var bytes = BulletinRenderer.ToPdf(model, BulletinTemplates.BuiltIn(BulletinLayout.Bulletin));

        var text = PdfText(bytes);

        text.ShouldContain("Learning bulletin");
        text.ShouldContain("Key learning");
        text.ShouldContain("Questions for practitioners");
        foreach (var point in model.Learning)
        {
            // pdftotext wraps lines; compare word sequences.
            Words(text).ShouldContain(Words(point.Text)[..6]);
        }
    }

    [RequiresToolFact("pdftotext")]
    public void ToPdf_LongBulletin_BreaksOntoMorePages()
    {
        var learning = Enumerable.Range(1, 80).Select(i => $"Learning point number {i} about sharing information between agencies in good time, every time.").ToArray();
        var review = SomeReviews.Review("LONG1", learning, ["information-sharing"]);
        var model = new BulletinBuilder().ForReview(new BulletinSource(review, "doc.txt"));

        var text = PdfText(BulletinRenderer.ToPdf(model, BulletinTemplates.BuiltIn(BulletinLayout.Bulletin)));

        text.Count(c => c == '\f').ShouldBeGreaterThan(2);
        text.ShouldContain("Page 1 of ");
        text.ShouldContain("Learning point number 80");
    }

    private static string PdfText(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lantern-bulletin-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (exit, stdout, stderr) = ProcessRunner.Run("pdftotext", ["-enc", "UTF-8", path, "-"], timeout: TimeSpan.FromSeconds(60));
            exit.ShouldBe(0, stderr);
            return stdout;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
