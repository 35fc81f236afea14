using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Trends;

namespace Lantern.Core.Tests.Analysis.Trends;

public sealed class TrendsTests
{
    // Hand-made: 4 reviews. Domestic abuse on 1, 2, 3; neglect on 1, 2; physical abuse on 3, 4.
    private static readonly AnalysisReview[] Set =
    [
        new() { Id = 1, Publisher = "A", Year = 2020, AgeBand = "under-1", Outcome = "died", Type = "scr", RiskFactors = ["domestic-abuse"], Harm = ["neglect"], Themes = ["information-sharing", "think-family"] },
        new() { Id = 2, Publisher = "A", Year = 2021, AgeBand = "1-5", Outcome = "serious-harm", Type = "rapid-review", RiskFactors = ["domestic-abuse", "housing"], Harm = ["neglect"], Themes = ["information-sharing"] },
        new() { Id = 3, Publisher = "B", Year = 2021, AgeBand = "under-1", Outcome = "died", Type = "rapid-review", RiskFactors = ["domestic-abuse"], Harm = ["physical-abuse"], Themes = ["think-family", "information-sharing", "information-sharing"] },
        new() { Id = 4, Publisher = null, Year = null, AgeBand = null, Outcome = null, Type = null, RiskFactors = [], Harm = ["physical-abuse"], Themes = ["safe-sleep"] },
    ];

    [Fact]
    public void ByYear_CountsEachReviewOncePerThemeAndLeavesOutUndatedReviews()
    {
        var table = ThemeTrends.ByYear(Set);

        table.Columns.ShouldBe(["2020", "2021"]);
        table.Rows[0].ShouldBe("information-sharing");
        table.Get("information-sharing", "2020").ShouldBe(1);
        table.Get("information-sharing", "2021").ShouldBe(2);
        table.Get("think-family", "2021").ShouldBe(1);
        table.Rows.ShouldNotContain("safe-sleep");
    }

    [Fact]
    public void ByPublisher_PutsReviewsWithoutPublisherUnderNotStated()
    {
        var table = ThemeTrends.ByPublisher(Set);

        table.Columns.ShouldBe(["A", "B", ThemeTrends.NotStated]);
        table.Get("information-sharing", "A").ShouldBe(2);
        table.Get("safe-sleep", ThemeTrends.NotStated).ShouldBe(1);
        table.RowTotal("information-sharing").ShouldBe(3);
    }

    [Fact]
    public void CoOccurrence_CountsAndLift_MatchTheHandArithmetic()
    {
        var matrix = CoOccurrence.Of(Set, LabelKind.RiskFactor, LabelKind.Harm);

        var daNeglect = matrix.Cell("domestic-abuse", "neglect");
        daNeglect.Both.ShouldBe(2);
        daNeglect.RowCount.ShouldBe(3);
        daNeglect.ColumnCount.ShouldBe(2);
        daNeglect.Reviews.ShouldBe(4);
        daNeglect.Lift!.Value.ShouldBe(4.0 * 2 / (3 * 2), 1e-9); // 1.333…

        var daPhysical = matrix.Cell("domestic-abuse", "physical-abuse");
        daPhysical.Both.ShouldBe(1);
        daPhysical.Lift!.Value.ShouldBe(4.0 * 1 / (3 * 2), 1e-9); // 0.667

        matrix.Cell("housing", "physical-abuse").Both.ShouldBe(0);
        matrix.Cell("housing", "physical-abuse").Lift.ShouldBe(0);
        matrix.Rows[0].ShouldBe("domestic-abuse");
    }

    [Fact]
    public void CoOccurrence_SameKind_DiagonalIsTheLabelsOwnCount()
    {
        var matrix = CoOccurrence.Of(Set, LabelKind.Theme, LabelKind.Theme);

        matrix.Cell("information-sharing", "information-sharing").Both.ShouldBe(3);
        matrix.Cell("information-sharing", "think-family").Both.ShouldBe(2);
    }

    [Fact]
    public void Profile_UsesTheNationalAgeBandsInOrderWithZeroesAndNotStated()
    {
        var profile = LibraryProfile.Of(Set);

        profile.Reviews.ShouldBe(4);
        profile.AgeBands.Select(a => a.Value).ShouldBe(["under-1", "1-5", "6-10", "11-15", "16-17", LibraryProfile.NotStated]);
        profile.AgeBands.Select(a => a.Reviews).ShouldBe([2, 1, 0, 0, 0, 1]);
        profile.Outcomes.Single(o => o.Value == "died").Reviews.ShouldBe(2);
        profile.ReviewTypes.Single(o => o.Value == "rapid-review").Reviews.ShouldBe(2);
        profile.Harm[0].ShouldBe(new ProfileCount("neglect", 2));
    }
}
