using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.Reference;

public class ReferenceExtractorTests
{
    [Fact]
    public void Extract_TypeWordsBeforeCode_AreLeftOut()
    {
        var review = Segment.Extract("Serious Case Review IN14\n\nA family was known to services.\n\nKEY LEARNING:\n\n1. Resolve disagreements between agencies.");
        review.Reference!.Value.ShouldBe("IN14");
    }

    [Fact]
    public void Extract_ReferenceSpan_PointsAtTheCodeInTheText()
    {
        var result = Segment.Run("Rapid Review 2023/04\n\nA baby was injured.\n\nLearning:\n\n• Check explanations for injuries.");
        var reference = result.Reviews.Single().Reference!;
        reference.Value.ShouldBe("2023/04");
        reference.Spans[0].Slice(result.Text).ShouldBe("2023/04");
    }

    [Fact]
    public void Extract_ReviewLabelledOnlyByPseudonym_HasNoReference()
    {
        var review = Segment.Extract("Child LR\n\nChild LR was a 3-year-old boy who was not brought to appointments.\n\nKey learning\n\n• Follow up missed appointments.");
        review.Reference.ShouldBeNull();
    }
}
