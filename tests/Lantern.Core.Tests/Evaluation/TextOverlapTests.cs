using Lantern.Core.Evaluation;

namespace Lantern.Core.Tests.Evaluation;

public class TextOverlapTests
{
    [Fact]
    public void TokenF1_SameWordsDifferentPunctuation_IsOne()
    {
        TextOverlap.TokenF1("The need: to share!", "the NEED to share").ShouldBe(1.0);
    }

    [Fact]
    public void TokenF1_HalfOverlap_IsHarmonicMean()
    {
        // 2 common words; precision 2/4, recall 2/2.
        TextOverlap.TokenF1("a b c d", "a b").ShouldBe(2 * 0.5 * 1.0 / 1.5, 1e-12);
    }

    [Fact]
    public void TokenF1_EmptySide_IsZero()
    {
        TextOverlap.TokenF1("", "words").ShouldBe(0.0);
        TextOverlap.TokenF1(null, null).ShouldBe(0.0);
    }

    [Fact]
    public void SetOverlap_IsJaccardOfWordSets()
    {
        TextOverlap.SetOverlap("Nottinghamshire Safeguarding Children Partnership", "Safeguarding Children Partnership").ShouldBe(0.75);
    }
}
