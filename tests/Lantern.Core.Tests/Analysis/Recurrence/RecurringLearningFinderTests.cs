using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Recurrence;

namespace Lantern.Core.Tests.Analysis.Recurrence;

public sealed class RecurringLearningFinderTests
{
    private static AnalysisReview Review(long id, string publisher, int? year, params string[] learning) => new()
    {
        Id = id, Title = $"Review {id}", Publisher = publisher, Year = year, Learning = learning, Themes = ["information-sharing"],
    };

    private static readonly AnalysisReview[] Corpus =
    [
        Review(1, "Northshire SCP", 2014, "Agencies must share information promptly when a family moves between areas.", "Written agreements with parents are not a substitute for a plan."),
        Review(2, "Southshire LSCB", 2017, "Information sharing between agencies when a family moves area must be prompt.", "Bruising in a non-mobile baby always needs a paediatric assessment."),
        Review(3, "Eastshire SCP", 2021, "Share information promptly with other agencies when families move between areas.", "Fathers and male carers should be included in assessments."),
        Review(4, "Westshire SCP", 2023, "Safe sleeping advice should be repeated at every health visitor contact with the baby's parents."),
    ];

    [Fact]
    public void Find_SameMessageInOtherWordsAcrossPublishersAndYears_FormsOneGroupWithFirstAndLatestYear()
    {
        var result = RecurringLearningFinder.Find(Corpus);

        var group = result.Groups.ShouldHaveSingleItem();
        group.ReviewIds.ShouldBe([1, 2, 3]);
        group.Publishers.Count.ShouldBe(3);
        group.FirstYear.ShouldBe(2014);
        group.LatestYear.ShouldBe(2021);
        group.DescribeYears().ShouldBe("2014 to 2021");
        group.Occurrences.ShouldAllBe(o => o.Text.Contains("inform", StringComparison.OrdinalIgnoreCase));
        group.Themes.ShouldContain(new ThemeCount("information-sharing", 3));
        group.Occurrences.Count(o => o.Similarity == 1.0).ShouldBe(1);
        group.Representative.ShouldBe(group.Occurrences.Single(o => o.Similarity == 1.0).Text);
    }

    [Fact]
    public void Find_OnTheCallingThreadOnly_GivesTheSameGroupsAsOnAllCores()
    {
        var allCores = RecurringLearningFinder.Find(Corpus);
        var oneThread = RecurringLearningFinder.Find(Corpus, new RecurrenceOptions { UseAllCores = false });

        allCores.Groups.ShouldNotBeEmpty();
        oneThread.Groups.Select(g => (g.Id, g.Representative, string.Join(",", g.ReviewIds), g.Occurrences.Count))
            .ShouldBe(allCores.Groups.Select(g => (g.Id, g.Representative, string.Join(",", g.ReviewIds), g.Occurrences.Count)));
        oneThread.PointCount.ShouldBe(allCores.PointCount);
    }

    [Fact]
    public void Find_UnrelatedLearning_DoesNotJoinTheGroup()
    {
        var result = RecurringLearningFinder.Find(Corpus);

        var texts = result.Groups.SelectMany(g => g.Occurrences).Select(o => o.Text).ToList();
        texts.ShouldNotContain(t => t.Contains("Bruising", StringComparison.Ordinal));
        texts.ShouldNotContain(t => t.Contains("Safe sleeping", StringComparison.Ordinal));
        texts.ShouldNotContain(t => t.Contains("Fathers", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_ThresholdRaisedAboveTheirSimilarity_SplitsTheGroup()
    {
        var strict = RecurringLearningFinder.Find(Corpus, new RecurrenceOptions { Threshold = 0.95 });
        var loose = RecurringLearningFinder.Find(Corpus, new RecurrenceOptions { Threshold = 0.3 });

        strict.Groups.ShouldBeEmpty();
        loose.Groups.ShouldHaveSingleItem();
    }

    [Fact]
    public void Find_ThresholdLowered_LetsLooselyRelatedPointsJoin()
    {
        var near = new[]
        {
            Review(1, "A", 2020, "Practitioners should use the escalation procedure to resolve professional differences."),
            Review(2, "B", 2021, "Resolve professional differences quickly and escalate concerns to managers when agreement fails."),
        };

        RecurringLearningFinder.Find(near, new RecurrenceOptions { Threshold = 0.9 }).Groups.ShouldBeEmpty();
        RecurringLearningFinder.Find(near, new RecurrenceOptions { Threshold = 0.2 }).Groups.ShouldHaveSingleItem();
    }

    [Fact]
    public void Find_RepeatsWithinOneReviewOnly_AreNotRecurring()
    {
        var one = new[] { Review(1, "A", 2020, "Share information between agencies promptly.", "Share information between agencies promptly and fully.") };

        RecurringLearningFinder.Find(one).Groups.ShouldBeEmpty();
    }

    [Fact]
    public void Find_GroupsOrderedByPublishersThenReviews()
    {
        var reviews = Corpus.Concat(
        [
            Review(5, "Northshire SCP", 2020, "Think family: assess how adult mental health affects parenting capacity."),
            Review(6, "Northshire SCP", 2022, "Assess how adult mental health affects parenting capacity and think family."),
        ]);

        var groups = RecurringLearningFinder.Find(reviews).Groups;

        groups.Count.ShouldBe(2);
        groups[0].PublisherCount.ShouldBe(3);
        groups[1].PublisherCount.ShouldBe(1);
    }

    [Fact]
    public void Find_SampleCorpusGold_InformationSharingPointsOfSeveralReviewsFormOneGroupWithoutUnrelatedPoints()
    {
        var reviews = GoldReviews.Load();
        var result = RecurringLearningFinder.Find(reviews);

        var group = result.Groups.Single(g => g.Representative.Contains("information sharing", StringComparison.OrdinalIgnoreCase));
        group.ReviewCount.ShouldBeGreaterThanOrEqualTo(3);
        group.Occurrences.ShouldAllBe(o => o.Text.Contains("shar", StringComparison.OrdinalIgnoreCase));
        var byId = reviews.ToDictionary(r => r.Id);
        group.ReviewIds.ShouldAllBe(id => byId[id].Themes.Contains("information-sharing"));
    }

    [Theory]
    [InlineData(1, 40, 6, 0.3)]
    [InlineData(2, 200, 12, 0.5)]
    [InlineData(3, 300, 4, 0.8)]
    [InlineData(4, 500, 30, 0.2)]
    [InlineData(5, 120, 3, 0.95)]
    public void Link_GivesTheComponentsOfEveryCandidatePairTested(int seed, int points, int terms, double linkChance)
    {
        // Random candidate terms and a random (symmetric) similarity: the components must be those of the graph whose
        // edges are the similar pairs sharing a candidate term, however the pairs are visited or skipped.
        var random = new Random(seed);
        var candidateTerms = Enumerable.Range(0, points)
            .Select(_ => Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(terms)).Distinct().Order().ToArray())
            .ToArray();
        var similarPairs = new HashSet<(int, int)>();
        for (var i = 0; i < points; i++)
        {
            for (var j = i + 1; j < points; j++)
            {
                if (random.NextDouble() < linkChance)
                {
                    similarPairs.Add((i, j));
                }
            }
        }

        bool Similar(int a, int b) => similarPairs.Contains((Math.Min(a, b), Math.Max(a, b)));

        var (parent, compared) = RecurringLearningFinder.Link(points, candidateTerms, Similar);

        var reference = Enumerable.Range(0, points).ToArray();
        int Root(int i) => reference[i] == i ? i : reference[i] = Root(reference[i]);
        var tested = 0L;
        for (var i = 0; i < points; i++)
        {
            for (var j = i + 1; j < points; j++)
            {
                if (candidateTerms[i].Intersect(candidateTerms[j]).Any())
                {
                    tested++;
                    if (Similar(i, j))
                    {
                        reference[Root(i)] = Root(j);
                    }
                }
            }
        }

        var components = Enumerable.Range(0, points).GroupBy(i => RecurringLearningFinder.Find(parent, i)).Select(g => string.Join(',', g)).Order(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, points).GroupBy(Root).Select(g => string.Join(',', g)).Order(StringComparer.Ordinal);
        components.ShouldBe(expected);
        compared.ShouldBeLessThanOrEqualTo(tested, "no pair is tested twice");
    }

    [Fact]
    public void Link_ManyNearCopies_SkipsWholeGroupsOfOneComponent()
    {
        // 3,000 points that all share one term and are all alike: once linked, each new point needs one test, not one
        // per earlier point.
        var candidateTerms = Enumerable.Range(0, 3000).Select(_ => new[] { 7 }).ToArray();

        var (parent, compared) = RecurringLearningFinder.Link(3000, candidateTerms, (_, _) => true);

        Enumerable.Range(0, 3000).Select(i => RecurringLearningFinder.Find(parent, i)).Distinct().Count().ShouldBe(1);
        compared.ShouldBe(2999);
    }

    [Fact]
    public void Find_ManyPoints_ComparesFarFewerPairsThanAllPairs()
    {
        var random = new Random(7);
        string[] vocabulary = ["assessment", "referral", "neglect", "school", "housing", "police", "midwife", "nursery", "sleep", "injury",
            "father", "chronology", "strategy", "conference", "plan", "visit", "health", "transfer", "escalation", "supervision"];
        var reviews = Enumerable.Range(1, 2000).Select(i => new AnalysisReview
        {
            Id = i,
            Publisher = $"P{i % 40}",
            Learning = [string.Join(' ', Enumerable.Range(0, 8).Select(_ => vocabulary[random.Next(vocabulary.Length)] + random.Next(300)))],
        }).ToList();

        var result = RecurringLearningFinder.Find(reviews, new RecurrenceOptions { Concepts = null });

        result.PointCount.ShouldBe(2000);
        result.PairsCompared.ShouldBeLessThan(2000L * 1999 / 2 / 10);
    }

    [Fact]
    public void Find_PointWithTwoMessages_OnlyTheRecurringMessageJoins()
    {
        var reviews = new[]
        {
            Review(1, "Northshire SCP", 2015, "Health visitors should ask about smoking at every contact. Agencies must share information promptly when a family moves between areas."),
            Review(2, "Southshire LSCB", 2019, "Information sharing between agencies when a family moves area must be prompt."),
        };

        var group = RecurringLearningFinder.Find(reviews).Groups.ShouldHaveSingleItem();

        group.Occurrences.ShouldNotContain(o => o.Text.Contains("smoking", StringComparison.Ordinal));
        group.Occurrences.Single(o => o.ReviewId == 1).LearningPoint!.ShouldContain("smoking");
        group.FirstYear.ShouldBe(2015);
        group.LatestYear.ShouldBe(2019);
    }

    [Fact]
    public void Find_ChainOfLooselyAlikePoints_AverageLinkageKeepsTheEndsApart()
    {
        // A shares words with B, B with C, A hardly any with C: single linkage would chain all three into one group.
        var reviews = new[]
        {
            Review(1, "A", 2018, "Chronologies of school attendance alerts must reach the designated safeguarding lead."),
            Review(2, "B", 2019, "Chronologies of school attendance alerts and hospital attendance records must be reviewed with the GP."),
            Review(3, "C", 2020, "Hospital attendance records must be reviewed with the GP before discharge."),
        };
        var loose = new RecurrenceOptions { Threshold = 0.3 };

        var groups = RecurringLearningFinder.Find(reviews, loose).Groups;
        var single = RecurringLearningFinder.Find(reviews, loose with { MaxAverageLinkage = 0 }).Groups;

        single.ShouldHaveSingleItem().ReviewCount.ShouldBe(3);
        groups.ShouldNotContain(g => g.ReviewIds.Contains(1) && g.ReviewIds.Contains(3));
    }

    [Fact]
    public void Find_SampleCorpusThroughThePipeline_InformationSharingOfSeveralReviewsAndPublishersIsOneGroup()
    {
        var reviews = SampleReviews.Load();
        var result = RecurringLearningFinder.Find(reviews);

        var sharing = result.Groups.Where(g => g.Occurrences.Count(o => o.Text.Contains("shar", StringComparison.OrdinalIgnoreCase)) >= 2).ToList();
        var group = sharing.ShouldHaveSingleItem();
        group.ReviewCount.ShouldBeGreaterThanOrEqualTo(4);
        group.PublisherCount.ShouldBeGreaterThanOrEqualTo(2);
        group.Themes[0].Theme.ShouldBe("information-sharing");
        // Every member says something about sharing information, in its own words; unrelated learning of the same
        // reviews (domestic abuse, supervision, fathers...) stays out.
        group.Occurrences.ShouldAllBe(o => o.Text.Contains("shar", StringComparison.OrdinalIgnoreCase));
        var units = reviews.Where(r => group.ReviewIds.Contains(r.Id)).SelectMany(r => r.Learning).SelectMany(LearningUnits.Split).Count();
        group.Occurrences.Count.ShouldBeLessThan(units / 2);
        // Honest about years: the sample reviews in this group state no year, so the group reports none rather than
        // a guessed one (first and latest year are shown with dated texts in the tests above).
        var byId = reviews.ToDictionary(r => r.Id);
        var stated = group.ReviewIds.Select(id => byId[id].Year).Where(y => y is not null).ToList();
        group.FirstYear.ShouldBe(stated.Count == 0 ? null : stated.Min());
        group.LatestYear.ShouldBe(stated.Count == 0 ? null : stated.Max());
    }

    [Fact]
    public void Find_SampleCorpusThroughThePipeline_StrictThresholdBreaksTheGroupUp()
    {
        var strict = RecurringLearningFinder.Find(SampleReviews.Load(), new RecurrenceOptions { Threshold = 0.8 });

        strict.Groups.ShouldNotContain(g => g.ReviewCount >= 4);
    }

    [Fact]
    public void DescribeYears_SomeReviewsUndated_SaysHowManyStateAYear()
    {
        var reviews = new[]
        {
            Review(1, "Northshire SCP", 2022, "Agencies must share information promptly when a family moves between areas."),
            Review(2, "Southshire LSCB", null, "Information sharing between agencies when a family moves area must be prompt."),
        };

        var group = RecurringLearningFinder.Find(reviews).Groups.ShouldHaveSingleItem();

        group.FirstYear.ShouldBe(2022);
        group.DescribeYears().ShouldBe("2022 (year stated by 1 of 2 reviews)");
    }
}
