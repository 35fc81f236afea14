using Lantern.Core.Bulletins;
using Lantern.Core.Model;

namespace Lantern.Core.Tests.Bulletins;

public sealed class BulletinBuilderTests
{
    private readonly BulletinBuilder _builder = new();

    [Fact]
    public void ForReview_GoldReview_CarriesItsOwnWordsIntoEachSection()
    {
        var source = SomeReviews.FromGold("000_04d4913e1a034c3d.json")[0];

        var model = _builder.ForReview(source);

        model.Kind.ShouldBe(BulletinKind.Review);
        model.Title.ShouldContain("GN13");
        model.Heading.ShouldStartWith("Learning bulletin:");
        model.Summary.ShouldBe(source.Review.Summary!.Text);
        model.Learning.Select(l => l.Text).ShouldBe(source.Review.Learning.Select(l => l.Text));
        model.Actions.Count.ShouldBe(source.Review.Actions.Count);
        model.Subtitle!.ShouldContain("NSCB");
    }

    [Fact]
    public void ForReview_ThemedReview_AsksTheThemesQuestions()
    {
        var review = SomeReviews.Review("RR 1/22", ["Share information with the GP."], themes: ["information-sharing", "domestic-abuse-practice"]);

        var model = _builder.ForReview(new BulletinSource(review, "doc.txt"));

        model.Questions.ShouldContain("Who else needs to know what you know about this family, and have you told them?");
        model.Questions.ShouldContain(q => q.Contains("domestic abuse", StringComparison.OrdinalIgnoreCase));
        model.Questions.Count.ShouldBeLessThanOrEqualTo(BulletinBuilder.MaxQuestions);
        model.WhyItMatters.ShouldContain("information sharing");
    }

    [Fact]
    public void ForReview_ManyThemes_NamesOnlyTheStrongest()
    {
        var review = SomeReviews.Review("X2", ["Learning."]) with
        {
            Themes = [.. PractitionerQuestions.Default.Codes.Take(8).Select((c, i) => new CodedLabel(c, 0.2 + (i * 0.1), []))],
        };

        var model = _builder.ForReview(new BulletinSource(review, "doc.txt"));

        model.Themes.Count.ShouldBe(BulletinBuilder.MaxThemes);
        model.Themes[0].Code.ShouldBe(PractitionerQuestions.Default.Codes.Skip(7).First());
    }

    [Fact]
    public void ForReview_NoThemes_FallsBackToGeneralQuestions()
    {
        var review = SomeReviews.Review("X1", ["Something was learned."]);

        var model = _builder.ForReview(new BulletinSource(review, "doc.txt"));

        model.Questions.ShouldBe(PractitionerQuestions.Default.General.Questions);
    }

    [Fact]
    public void ForReview_ReviewTextWithWebAddress_ListsItUnderMoreInformation()
    {
        var sources = SomeReviews.FromGold("000_04d4913e1a034c3d.json");
        var withUrl = sources[0] with { DocumentText = sources[0].DocumentText + "See http://example.org/guide.html." };
        withUrl = withUrl with { Review = withUrl.Review with { Span = new SourceSpan(0, withUrl.DocumentText!.Length) } };

        var model = _builder.ForReview(withUrl);

        model.MoreInformation.ShouldContain("http://example.org/guide.html");
        model.MoreInformation.ShouldContain(l => l.StartsWith("Source: 000_04d4913e1a034c3d.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void ForTheme_RestrictedReview_IsLeftOutForAnonymousViewer()
    {
        var open = new BulletinSource(SomeReviews.Review("OPEN1", ["Open learning about sharing."], ["information-sharing"], year: 2020), "a.txt");
        var closed = new BulletinSource(SomeReviews.Review("SECRET2", ["Restricted learning about sharing."], ["information-sharing"], year: 2021), "b.txt", Visibility: Visibility.Restricted);

        var anonymous = _builder.ForTheme("information-sharing", [open, closed], Viewer.Anonymous);
        var editor = _builder.ForTheme("information-sharing", [open, closed], Viewer.LocalOperator);

        anonymous.Reviews.ShouldHaveSingleItem().ShouldContain("OPEN1");
        anonymous.Learning.ShouldAllBe(l => l.Source == "OPEN1");
        anonymous.Learning.ShouldNotContain(l => l.Text.Contains("Restricted"));
        editor.Reviews.Count.ShouldBe(2);
    }

    [Fact]
    public void ForTheme_ReviewsWithoutTheTheme_AreLeftOut()
    {
        var sources = SomeReviews.FromGold("003_13b63824d830b1de.json");
        var withTheme = sources.Count(s => s.Review.Themes.Any(t => t.Code == "domestic-abuse-practice"));

        var model = _builder.ForTheme("domestic-abuse-practice", sources, Viewer.Anonymous);

        withTheme.ShouldBeGreaterThan(0);
        model.Reviews.Count.ShouldBe(withTheme);
        model.Title.ShouldBe("Domestic abuse");
        model.Heading.ShouldBe("Thematic briefing: Domestic abuse");
        model.Learning.ShouldAllBe(l => l.Source != null);
    }

    [Fact]
    public void ForTheme_CodeWithEvidenceSpans_TakesOnlyTheLearningItCovers()
    {
        var review = SomeReviews.Review("RR9", ["Share the plan with the school.", "Babies bruise rarely."]);
        var shared = review.Learning[0];
        review = review with { Themes = [new CodedLabel("information-sharing", 0.9, [shared.Span])] };

        var model = _builder.ForTheme("information-sharing", [new BulletinSource(review, "doc.txt")], Viewer.Anonymous);

        model.Learning.ShouldHaveSingleItem().Text.ShouldBe("Share the plan with the school.");
    }

    [Fact]
    public void ForTheme_EvidenceOnlyInGoodPractice_TakesNoLearningFromThatReview()
    {
        var record = new Lantern.Core.Records.ReviewRecord { Reference = "RR5", Learning = ["Bruising needs a paediatric view."], GoodPractice = ["Agencies shared information well."] };
        var review = SomeReviews.ToReview(record, 0, new System.Text.StringBuilder());
        review = review with { Themes = [new CodedLabel("information-sharing", 0.8, [review.GoodPractice[0].Span])] };

        var model = _builder.ForTheme("information-sharing", [new BulletinSource(review, "doc.txt")], Viewer.Anonymous);

        model.Learning.ShouldBeEmpty();
        model.GoodPractice.ShouldHaveSingleItem().Text.ShouldBe("Agencies shared information well.");
        model.Reviews.ShouldHaveSingleItem();
    }

    [Fact]
    public void ForTheme_NoMatchingReviews_SaysSoInTheSummary()
    {
        var model = _builder.ForTheme("safe-sleep", [], Viewer.Anonymous);

        model.Reviews.ShouldBeEmpty();
        model.Summary!.ShouldContain("No reviews");
    }

    [Fact]
    public void Default_Questions_CoverEveryCodebookThemeWithTwoOrThree()
    {
        var questions = PractitionerQuestions.Default;

        questions.Codes.Count.ShouldBe(26);
        questions.Codes.ShouldAllBe(c => questions.For(c).Questions.Count >= 2 && questions.For(c).Questions.Count <= 3);
        questions.For("information-sharing").Questions[0].ShouldBe("Who else needs to know what you know about this family, and have you told them?");
        questions.For("local-theme").Questions.ShouldBe(questions.General.Questions);
        questions.For("local-theme").Title.ShouldBe("Local theme");
    }
}
