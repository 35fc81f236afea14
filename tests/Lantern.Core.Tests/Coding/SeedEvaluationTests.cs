using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Child;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.Outcome;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Xunit.Abstractions;

namespace Lantern.Core.Tests.Coding;

/// <summary>
/// Measures the label extractors and theme coder against the seed gold records (reviews rebuilt from gold text,
/// see <see cref="GoldHarness"/>) and prints precision/recall/F1 and scalar accuracy. Run with
/// <c>--logger "console;verbosity=detailed"</c> to see the figures and every disagreement.
/// </summary>
public class SeedEvaluationTests(ITestOutputHelper output)
{
    private static readonly IReviewExtractor[] Extractors =
        [new ChildExtractor(), new HarmExtractor(), new OutcomeExtractor(), new RiskFactorExtractor(), new AgencyExtractor(), new ThemeCoder()];

    [Fact]
    public void Seeds_LabelsAndThemes_MeetTheTargets()
    {
        var sets = new Dictionary<string, SetScore> { ["themes"] = new(), ["harm"] = new(), ["riskFactors"] = new(), ["agencies"] = new() };
        var scalars = new Dictionary<string, (int Right, int Counted)>();
        foreach (var gold in GoldHarness.Load())
        {
            var review = Extractors.Aggregate(gold.Review, (r, e) => e.Extract(gold.Context, r));
            var predicted = new Dictionary<string, IReadOnlyList<CodedLabel>>
            {
                ["themes"] = review.Themes, ["harm"] = review.Harm, ["riskFactors"] = review.RiskFactors, ["agencies"] = review.Agencies,
            };
            foreach (var (field, score) in sets)
            {
                var g = gold.Codes(field);
                var p = predicted[field].Select(l => l.Code).ToList();
                score.Add(g, p);
                var missed = g.Except(p).ToList();
                var extra = p.Except(g).ToList();
                if (missed.Count + extra.Count > 0)
                {
                    output.WriteLine($"{gold.Label} {field}: missed [{string.Join(", ", missed)}] extra [{string.Join(", ", extra)}]");
                    foreach (var label in predicted[field].Where(l => extra.Contains(l.Code)))
                    {
                        output.WriteLine($"    {label.Code} {label.Score}: " + string.Join(" | ", label.Spans.Select(s => s.Slice(gold.Text))));
                    }
                }
            }

            foreach (var (field, value) in new[]
            {
                ("child.ageMonths", review.Child.AgeMonths?.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("child.ageBand", review.Child.AgeBand?.Value), ("child.sex", review.Child.Sex?.Value), ("outcome", review.Outcome?.Value),
            })
            {
                var g = gold.Scalar(field);
                if (g is null && value is null)
                {
                    continue;
                }

                var (right, counted) = scalars.GetValueOrDefault(field);
                scalars[field] = (right + (g == value ? 1 : 0), counted + 1);
                if (g != value)
                {
                    output.WriteLine($"{gold.Label} {field}: gold {g ?? "null"} predicted {value ?? "null"}");
                }
            }
        }

        foreach (var (field, score) in sets)
        {
            output.WriteLine($"{field}: {score}");
        }

        foreach (var (field, (right, counted)) in scalars)
        {
            output.WriteLine($"{field}: accuracy {(double)right / counted:F3} ({right}/{counted})");
        }

        sets["themes"].F1.ShouldBeGreaterThanOrEqualTo(0.85);
        sets["harm"].F1.ShouldBeGreaterThanOrEqualTo(0.90);
        sets["riskFactors"].F1.ShouldBeGreaterThanOrEqualTo(0.90);
        sets["agencies"].F1.ShouldBeGreaterThanOrEqualTo(0.90);
        foreach (var (field, (right, counted)) in scalars)
        {
            ((double)right / counted).ShouldBeGreaterThanOrEqualTo(0.85, field);
        }
    }
}
