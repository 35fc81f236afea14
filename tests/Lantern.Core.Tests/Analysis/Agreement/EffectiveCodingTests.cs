using Lantern.Core.Analysis.Agreement;

namespace Lantern.Core.Tests.Analysis.Agreement;

public class EffectiveCodingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_NoDecisions_KeepsAutomaticCodes()
    {
        var merged = EffectiveCoding.Merge(["b", "a", "a"], []);
        merged.Select(t => t.ThemeCode).ShouldBe(["a", "b"]);
        merged.ShouldAllBe(t => t.Source == CodingSource.Automatic);
    }

    [Fact]
    public void Merge_RejectedAutomaticCode_IsDropped_AndAddedCodeIsKept()
    {
        var merged = EffectiveCoding.MergeCodes(["a", "b"],
        [
            new("a", CodingVerdict.Rejected, "sam", T0),
            new("c", CodingVerdict.Added, "sam", T0),
        ]);
        merged.ShouldBe(["b", "c"]);
    }

    [Fact]
    public void Merge_LaterDecisionWins()
    {
        var merged = EffectiveCoding.Merge(["a"],
        [
            new("a", CodingVerdict.Rejected, "sam", T0.AddMinutes(5)),
            new("a", CodingVerdict.Confirmed, "jo", T0),
        ]);
        merged.ShouldBeEmpty();
    }

    [Fact]
    public void Merge_ConfirmedCode_IsMarkedHuman()
    {
        var decision = new CodingDecision("a", CodingVerdict.Confirmed, "sam", T0, "clear in learning point 2");
        var merged = EffectiveCoding.Merge(["a"], [decision]);
        merged.Single().Source.ShouldBe(CodingSource.Human);
        merged.Single().Decision.ShouldBe(decision);
    }

    [Fact]
    public void CodesBy_TakesOnlyThatCodersLatestApplyingDecisions()
    {
        var codes = EffectiveCoding.CodesBy("sam",
        [
            new("a", CodingVerdict.Added, "sam", T0),
            new("a", CodingVerdict.Rejected, "sam", T0.AddMinutes(1)),
            new("b", CodingVerdict.Confirmed, "sam", T0),
            new("c", CodingVerdict.Added, "jo", T0),
        ]);
        codes.ShouldBe(["b"]);
    }
}
