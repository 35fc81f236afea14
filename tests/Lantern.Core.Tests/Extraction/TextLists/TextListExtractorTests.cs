using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.TextLists;

public class TextListExtractorTests
{
    [Fact]
    public void Extract_NumberedItems_OneItemEachWithoutMarkers()
    {
        var review = Segment.Extract("BULLETIN – GN13\n\nSUMMARY:\n\nA child was hurt.\n\nKEY LEARNING:\n\n1. The first point.\n2. The second\npoint runs on.\n\nACTIONS TAKEN:\n\nThe NSCB revised its procedures.\n\nThe learning continues to be disseminated.");
        review.Learning.Select(i => i.Text).ShouldBe(["The first point.", "The second point runs on."]);
        review.Actions.Select(i => i.Text).ShouldBe(["The NSCB revised its procedures.", "The learning continues to be disseminated."]);
    }

    [Fact]
    public void Extract_ItemSpans_CoverTheItemWords()
    {
        var result = Segment.Run("Case 1\n\nA girl was exploited.\n\nRecommendations for practice:\n\n• Recognise   the warning signs.\n\nGood practice\n\n• The school referred promptly.");
        var review = result.Reviews.Single();
        foreach (var item in review.Learning.Concat(review.GoodPractice))
        {
            TestText(result.Text, item).ShouldBe(item.Text);
        }
    }

    private static string TestText(string text, Lantern.Core.Model.TextItem item) =>
        Lantern.Core.Segmentation.TextBlock.Collapse(item.Span.Slice(text));
}
