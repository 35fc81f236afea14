using Lantern.Core.Bulletins;

namespace Lantern.Core.Tests.Bulletins;

public sealed class BulletinTemplateTests
{
    private static TemplateData Data(params (string Key, object? Value)[] values)
    {
        var data = new TemplateData();
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }

    private static List<TemplateData> Items(params string[] texts) =>
        [.. texts.Select((t, i) => Data(("text", t), ("number", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))))];

    [Fact]
    public void Render_Placeholder_InsertsValue()
    {
        BulletinTemplate.Parse("# {{title}}\n").Render(Data(("title", "Child H"))).ShouldBe("# Child H\n");
    }

    [Fact]
    public void Render_RepeatSection_WritesEachItemWithNumber()
    {
        var template = BulletinTemplate.Parse("{{#learning}}\n{{number}}. {{text}}\n{{/learning}}\n");

        template.Render(Data(("learning", Items("First", "Second")))).ShouldBe("1. First\n2. Second\n");
    }

    [Fact]
    public void Render_EmptyConditionalSection_IsOmittedWithItsHeading()
    {
        var template = BulletinTemplate.Parse("# T\n\n{{?actions}}\n## Actions taken\n\n{{#actions}}\n- {{text}}\n{{/actions}}\n{{/actions}}\n## Questions\n");

        var empty = template.Render(Data(("actions", Items())));
        var full = template.Render(Data(("actions", Items("Guidance revised"))));

        empty.ShouldNotContain("Actions taken");
        empty.ShouldBe("# T\n\n## Questions\n");
        full.ShouldContain("## Actions taken\n\n- Guidance revised\n");
    }

    [Fact]
    public void Render_InvertedSection_ShowsOnlyWhenEmpty()
    {
        var template = BulletinTemplate.Parse("{{^summary}}No summary.{{/summary}}{{?summary}}{{summary}}{{/summary}}");

        template.Render(Data(("summary", null))).ShouldBe("No summary.\n");
        template.Render(Data(("summary", "Text"))).ShouldBe("Text\n");
    }

    [Fact]
    public void Render_ItemScope_FallsBackToOuterNames()
    {
        var template = BulletinTemplate.Parse("{{#learning}}{{text}} ({{publisher}}) {{/learning}}");

        template.Render(Data(("publisher", "NSCB"), ("learning", Items("A")))).ShouldBe("A (NSCB)\n");
    }

    [Fact]
    public void Render_ValueWithMarkup_IsEscapedSoItStaysText()
    {
        var template = BulletinTemplate.Parse("{{text}}");

        var output = template.Render(Data(("text", "# <script>alert(1)</script> *bold* [x](javascript:y)")));

        output.ShouldNotContain("<script>");
        output.ShouldStartWith("\\#");
        output.ShouldContain("\\*bold\\*");
        output.ShouldContain("\\[x\\]");
    }

    [Fact]
    public void Render_ValueStartingWithListNumber_DoesNotBecomeAList()
    {
        BulletinTemplate.Parse("{{text}}").Render(Data(("text", "1. The need to share"))).ShouldBe("1\\. The need to share\n");
    }

    [Fact]
    public void Render_WebAddress_BecomesAutolink()
    {
        BulletinTemplate.Parse("{{text}}").Render(Data(("text", "See http://example.org/p_good.html."))).ShouldBe("See <http://example.org/p_good.html>.\n");
    }

    [Fact]
    public void Render_UnderscoreInsideWord_IsLeftPlain()
    {
        BulletinTemplate.Parse("{{text}}").Render(Data(("text", "file_name_1 and _emphasis_"))).ShouldBe("file_name_1 and \\_emphasis\\_\n");
    }

    [Fact]
    public void Render_CommentAndUnknownName_LeaveNothing()
    {
        BulletinTemplate.Parse("{{! note for editors }}\nA{{missing}}B\n").Render(Data()).ShouldBe("AB\n");
    }

    [Theory]
    [InlineData("{{#learning}}\nx\n", "line 1", "never closed")]
    [InlineData("a\n{{#learning}}\n{{/actions}}\n", "line 3", "expected")]
    [InlineData("{{/learning}}", "line 1", "never opened")]
    [InlineData("{{title", "line 1", "not closed")]
    [InlineData("{{ti tle}}", "line 1", "not a tag")]
    public void Parse_MalformedTemplate_ThrowsWithLine(string text, string line, string words)
    {
        var error = Should.Throw<BulletinTemplateException>(() => BulletinTemplate.Parse(text, "mine.md"));

        error.Message.ShouldStartWith("mine.md, " + line);
        error.Message.ShouldContain(words);
    }

    [Fact]
    public void Parse_TooDeeplyNested_Throws()
    {
        var text = string.Concat(Enumerable.Range(0, 20).Select(i => $"{{{{#a{i}}}}}")) + string.Concat(Enumerable.Range(0, 20).Reverse().Select(i => $"{{{{/a{i}}}}}"));

        Should.Throw<BulletinTemplateException>(() => BulletinTemplate.Parse(text)).Message.ShouldContain("nest");
    }
}
