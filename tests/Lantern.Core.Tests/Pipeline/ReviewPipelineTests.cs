using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Pipeline;

public class ReviewPipelineTests
{
    [Fact]
    public void Build_WithoutSegmenter_Throws()
    {
        Should.Throw<InvalidOperationException>(() => new ReviewPipelineBuilder().Build());
    }

    [Fact]
    public void Run_RecordsExtractorVersionAndDocumentName()
    {
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var result = pipeline.Run("note.txt", "A newsletter about nothing in particular.\r\n");
        result.DocumentName.ShouldBe("note.txt");
        result.ExtractorVersion.ShouldBe(ReviewPipeline.ExtractorVersion);
        result.Text.ShouldNotContain("\r");
    }
}
