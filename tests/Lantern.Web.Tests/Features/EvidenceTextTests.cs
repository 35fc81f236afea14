using Lantern.Core.Model;
using Lantern.Web.Features.Reviews;

namespace Lantern.Web.Tests.Features;

public sealed class EvidenceTextTests
{
    [Fact]
    public void Render_NestedSpans_WrapsEachInItsOwnMarkWithAStableId()
    {
        const string text = "Learning: share information early.";
        var outer = new SourceSpan(10, 23);
        var inner = new SourceSpan(16, 11);
        var html = EvidenceText.Render(text, new SourceSpan(0, text.Length), [inner, outer]);
        html.ShouldBe("Learning: <mark id=\"ev-10-23\">share <mark id=\"ev-16-11\">information</mark> early</mark>.");
    }

    [Fact]
    public void Render_CrossingSpans_CutsTheLaterAtTheEarliersEndSoMarksNest()
    {
        const string text = "abcdefghij";
        var html = EvidenceText.Render(text, new SourceSpan(0, 10), [new SourceSpan(1, 4), new SourceSpan(3, 5)]);
        html.ShouldBe("a<mark id=\"ev-1-4\">bc<mark id=\"ev-3-5\">de</mark></mark>fghij");
    }

    [Fact]
    public void Render_TextWithMarkup_IsEncoded_AndSpansOutsideTheWindowAreSkipped()
    {
        const string text = "<b>Child & family</b>";
        var html = EvidenceText.Render(text, new SourceSpan(3, 14), [new SourceSpan(3, 5), new SourceSpan(0, 2), new SourceSpan(40, 3)]);
        html.ShouldBe("<mark id=\"ev-3-5\">Child</mark> &amp; family");
    }

    [Fact]
    public void Render_DuplicateAndEmptySpans_AreMarkedOnceOrNotAtAll()
    {
        var html = EvidenceText.Render("one two", new SourceSpan(0, 7), [new SourceSpan(0, 3), new SourceSpan(0, 3), new SourceSpan(4, 0)]);
        html.ShouldBe("<mark id=\"ev-0-3\">one</mark> two");
    }
}
