using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Child;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.Outcome;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Coding;

public class RobustnessTests
{
    private static readonly IReviewExtractor[] Extractors =
        [new ChildExtractor(), new HarmExtractor(), new OutcomeExtractor(), new RiskFactorExtractor(), new AgencyExtractor(), new ThemeCoder()];

    [Fact]
    public void Extractors_OnOddTextAndStraySpans_NeverThrow()
    {
        // Fixed seed: the same odd inputs every run.
        var random = new Random(20261122);
        const string alphabet = "abc XYZ.,;:()[]-–—'’\"\n\t•*/\\|?!0123456789 not no child baby mother MARAC CSC http://x.uk/a ";
        for (var run = 0; run < 60; run++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var segmentSpan = new SourceSpan(random.Next(0, text.Length + 5), random.Next(0, text.Length + 50));
            var segment = new ReviewSegment(segmentSpan, run % 2 == 0 ? new SourceSpan(0, 3) : null, []);
            var context = new ReviewContext(text, new DocumentLayout([segment]), segment);
            var item = new TextItem("x", new SourceSpan(random.Next(0, text.Length + 3), random.Next(0, 80)));
            var review = new Review { Span = segmentSpan, Summary = run % 3 == 0 ? null : item, Learning = [item], Actions = [item] };
            Should.NotThrow(() => Extractors.Aggregate(review, (r, e) => e.Extract(context, r)));
        }
    }

    [Fact]
    public void ThemeCoder_NoItems_CodesNothing()
    {
        var review = new Review { Summary = new TextItem("A baby died after co-sleeping.", new SourceSpan(0, 30)) };
        new ThemeCoder().Code("A baby died after co-sleeping.", review).ShouldBeEmpty();
    }
}
