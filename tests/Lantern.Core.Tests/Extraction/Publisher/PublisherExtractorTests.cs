using Lantern.Core.Tests.Segmentation;

namespace Lantern.Core.Tests.Extraction.Publisher;

public class PublisherExtractorTests
{
    [Fact]
    public void Extract_PartnershipNamedAtTop_IsThePublisher()
    {
        var result = Segment.Run("Northvale Safeguarding Children Partnership\n\nLearning from reviews\n\nThe review involved Derbyshire Safeguarding Children Partnership.");
        result.Publisher!.Value.ShouldBe("Northvale Safeguarding Children Partnership");
    }

    [Fact]
    public void Extract_OnlyAnAcronym_IsThePublisher()
    {
        var result = Segment.Run("BULLETIN – GN13\n\nThe revised NSCB procedures include a guide. The NSCB subgroup will consider training.");
        result.Publisher!.Value.ShouldBe("NSCB");
    }

    [Fact]
    public void Extract_BoardNamedInProse_IsThePublisher()
    {
        var result = Segment.Run("Welcome to the newsletter.\n\nAs well as undertaking reviews (SILPs) Leicestershire and Rutland LSCB are also involved in other reviews.");
        result.Publisher!.Value.ShouldBe("Leicestershire and Rutland LSCB");
    }

    [Fact]
    public void Extract_NoBodyNamed_GivesNull()
    {
        Segment.Run("A note about safer sleep.").Publisher.ShouldBeNull();
    }

    [Fact]
    public void Extract_NationalPanel_IsNeverThePublisher()
    {
        Segment.Run("Feedback from the Child Safeguarding Practice Review Panel was positive.").Publisher.ShouldBeNull();
    }
}
