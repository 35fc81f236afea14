using Lantern.Core.Loading;

namespace Lantern.Core.Tests.Loading;

/// <summary>
/// The HTML reader's speed-ups (one parser per thread, selectors parsed once, furniture judged outside removed blocks
/// only, class tokens split by hand) must leave its text byte-identical to the reference reader's.
/// </summary>
public class HtmlReaderEquivalenceTests
{
    public static TheoryData<string> Pages => new()
    {
        "<html><body><nav>Menu</nav><article><header><h2>Case 1</h2></header><p>Text &amp; more.</p></article><footer>Footer</footer></body></html>",
        "<main><section id=\"informed-consent\"><h2>Capacity</h2><p>Consent.</p></section><div class=\"social-share\">Share</div><div role=\"navigation\">Next</div><p style=\"display: none\">Hidden</p></main>",
        "<body><div class=\"cookieBanner\">We use cookies <span class=\"siteFooter\">x</span></div><div class=\"mainNav_wrapper\">Home</div><p>Kept text.</p>" +
            "<div class=\"print-Button--big\"><p>Print</p></div><div class=\"sideBar\"><h3>Related</h3><p>Still here because of its heading.</p></div></body>",
        "<body><div class=\"related\">" + string.Concat(Enumerable.Repeat("Long related block text that is not furniture. ", 20)) + "</div><p>After.</p></body>",
        "<body><article><p>One</p><article><header>Inner header without heading</header><p>Nested</p></article></article><article><header><h1>Two</h1></header><p>Second</p></article></body>",
        "<div role=\"main\"><header class=\"x\"><h2>Title</h2></header><ol start=\"4\"><li>Four</li><li>Five <p>para</p> tail</li></ol><ul><li>A<ul><li>B</li></ul></li></ul></div>",
        "<main><table><tr><th>Agency</th><th>Role</th></tr><tr><td>Police<br>Unit</td><td> <p>Strategy</p> <p>discussion</p> </td></tr></table><p aria-hidden=\"true\">Gone</p><p hidden>Gone too</p></main>",
        "<body><header><h1>Site header with heading</h1></header><div aria-label=\"Breadcrumbs trail\">Home &gt; Reviews</div><p>Te\u00a0xt\twith\r\n  spaces&nbsp;and &lt;entities&gt; &#8212; done.</p><script>var x = '<p>no</p>';</script><style>p{}</style><!-- comment --></body>",
        "<html><head><title>T</title></head><body><div id=\"skip-link\">Skip</div><div class=\"menu\"><h2>Menu heading</h2>Keep because of heading</div><p>Body <b>bold</b><i>italic</i> end</p></body></html>",
        "<body><div class=\"HeaderMenu footer_links\">Links</div><div class=\"aB-cD_eF gdpr\">x</div><p>x</p><footer><h2>Footer heading</h2></footer></body>",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Read_Page_EqualsTheReference(string html) => HtmlTextReader.Read(html).ShouldBe(ReferenceHtmlTextReader.Read(html));

    [Fact]
    public void Read_HtmlFixturesAndGeneratedPages_EqualTheReference()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.TestData, "loading"), "*.html").ToList();

        // The generated benchmark corpus, when one is on the machine, adds a few hundred pages of varied layout.
        var corpus = Path.Combine(Path.GetTempPath(), "lantern-bench", "corpus-20231");
        if (Directory.Exists(corpus))
        {
            files.AddRange(Directory.EnumerateFiles(corpus, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(300));
        }

        foreach (var file in files)
        {
            var html = File.ReadAllText(file);
            HtmlTextReader.Read(html).ShouldBe(ReferenceHtmlTextReader.Read(html), file);
        }
    }
}
