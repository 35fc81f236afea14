using Lantern.Core.Analysis.Agreement;

namespace Lantern.Core.Tests.Analysis.Agreement;

public class CohensKappaTests
{
    [Fact]
    public void Kappa_TextbookTable_MatchesHandComputation()
    {
        // N = 50; both 20, only A 5, only B 10, neither 15.
        // po = (20 + 15) / 50 = 0.70
        // A yes = 25/50 = 0.5, B yes = 30/50 = 0.6
        // pe = 0.5*0.6 + 0.5*0.4 = 0.30 + 0.20 = 0.50
        // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
        var table = new AgreementTable("x", 20, 5, 10, 15);
        table.ObservedAgreement.ShouldBe(0.70, 1e-9);
        table.ExpectedAgreement.ShouldBe(0.50, 1e-9);
        table.Kappa!.Value.ShouldBe(0.40, 1e-9);
        table.PercentAgreement.ShouldBe(70, 1e-9);
    }

    [Fact]
    public void Compare_PerThemeAndPooled_MatchHandComputation()
    {
        // Four reviews, themes t1 and t2.
        // r1: A{t1}    B{t1}     t1 both,   t2 neither
        // r2: A{t1,t2} B{t1}     t1 both,   t2 onlyA
        // r3: A{}      B{t2}     t1 neither,t2 onlyB
        // r4: A{t2}    B{t2}     t1 neither,t2 both
        // t1: both 2, onlyA 0, onlyB 0, neither 2: po = 1, pe = .5*.5+.5*.5 = .5, kappa = 1
        // t2: both 1, onlyA 1, onlyB 1, neither 1: po = .5, pe = .5, kappa = 0
        // pooled: both 3, onlyA 1, onlyB 1, neither 3 (N 8): po = 6/8 = .75,
        //   A yes 4/8, B yes 4/8, pe = .5, kappa = (.75 - .5) / .5 = .5
        var report = CohensKappa.Compare(
        [
            new("r1", ["t1"], ["t1"]),
            new("r2", ["t1", "t2"], ["t1"]),
            new("r3", [], ["t2"]),
            new("r4", ["t2"], ["t2"]),
        ], ["t1", "t2"]);

        report.Reviews.ShouldBe(4);
        var t1 = report.Themes.Single(t => t.Code == "t1");
        t1.Kappa!.Value.ShouldBe(1.0, 1e-9);
        t1.IsDegenerate.ShouldBeFalse();
        var t2 = report.Themes.Single(t => t.Code == "t2");
        t2.ObservedAgreement.ShouldBe(0.5, 1e-9);
        t2.Kappa!.Value.ShouldBe(0.0, 1e-9);
        report.Overall.Units.ShouldBe(8);
        report.Overall.ObservedAgreement.ShouldBe(0.75, 1e-9);
        report.Overall.Kappa!.Value.ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Kappa_NeitherCoderUsedTheme_IsDegenerateAndReportedAsOne()
    {
        // Both coders coded nothing on 3 units: po = 1, pe = 0*0 + 1*1 = 1, kappa 0/0 -> reported as 1.
        var table = new AgreementTable("x", 0, 0, 0, 3);
        table.IsDegenerate.ShouldBeTrue();
        table.Kappa.ShouldBe(1.0);
        table.PercentAgreement.ShouldBe(100, 1e-9);
    }

    [Fact]
    public void Kappa_BothCodersAppliedEverywhere_IsDegenerate()
    {
        var table = new AgreementTable("x", 5, 0, 0, 0);
        table.IsDegenerate.ShouldBeTrue();
        table.Kappa.ShouldBe(1.0);
    }

    [Fact]
    public void Kappa_NoUnits_IsNull()
    {
        var table = new AgreementTable("x", 0, 0, 0, 0);
        table.Kappa.ShouldBeNull();
        table.IsDegenerate.ShouldBeFalse();
    }

    [Fact]
    public void Kappa_CompleteDisagreement_IsMinusOne()
    {
        // both 0, onlyA 2, onlyB 2, neither 0: po = 0, A yes .5, B yes .5, pe = .5, kappa = (0 - .5)/.5 = -1
        new AgreementTable("x", 0, 2, 2, 0).Kappa!.Value.ShouldBe(-1.0, 1e-9);
    }

    [Fact]
    public void Compare_CodesOutsideThemeSet_AreIgnored()
    {
        var report = CohensKappa.Compare([new("r1", ["t1", "stray"], ["t1"])], ["t1"]);
        report.Themes.Count.ShouldBe(1);
        report.Overall.BothApplied.ShouldBe(1);
        report.Overall.Units.ShouldBe(1);
    }
}

public class AutomaticVersusHumanTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AutomaticVersusHuman_AppliesOnlyThatCodersDecisions()
    {
        var pair = CodedPair.AutomaticVersusHuman("r1", ["a", "b"],
        [
            new CodingDecision("a", CodingVerdict.Rejected, "sam", T0),
            new CodingDecision("c", CodingVerdict.Added, "sam", T0),
            new CodingDecision("b", CodingVerdict.Rejected, "jo", T0),
        ], "sam");
        pair!.CoderA.ShouldBe(["a", "b"]);
        pair.CoderB.ShouldBe(["b", "c"]);
    }

    [Fact]
    public void AutomaticVersusHuman_NoDecisionsByCoder_IsNotCoded()
    {
        CodedPair.AutomaticVersusHuman("r1", ["a"], [new CodingDecision("a", CodingVerdict.Confirmed, "jo", T0)], "sam").ShouldBeNull();
    }
}
