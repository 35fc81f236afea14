using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.Summary;

public class SummaryExtractorTests
{
    [Fact]
    public void Extract_DescriptionOnLabelAndNextParagraph_AreJoined()
    {
        var review = Segment.Extract("Case 2— Child physical abuse.\n\nVery young baby died with significant injuries.\n\nRecommendations for practice:\n\n..Share information.");
        review.Summary!.Text.ShouldBe("Child physical abuse. Very young baby died with significant injuries.");
    }

    [Fact]
    public void Extract_SummarySection_IsTheSummary()
    {
        var result = Segment.Run("BULLETIN – GN13\n\nSUMMARY:\n\nThis review related to a 22 month old child.\n\nKEY LEARNING:\n\n1. Core groups.");
        var summary = result.Reviews.Single().Summary!;
        summary.Text.ShouldBe("This review related to a 22 month old child.");
        summary.Span.Slice(result.Text).ShouldBe(summary.Text);
    }
}
