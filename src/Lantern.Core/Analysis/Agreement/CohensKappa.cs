namespace Lantern.Core.Analysis.Agreement;

/// <summary>
/// A 2×2 agreement table for one theme (or pooled over themes) between coder A and coder B, with percentage
/// agreement and Cohen's kappa, as NVivo's coding comparison and MAXQDA's intercoder agreement report them.
/// </summary>
/// <param name="Code">The theme code, or <c>null</c> for the pooled (overall) table.</param>
/// <param name="BothApplied">Units both coders coded with the theme.</param>
/// <param name="OnlyA">Units coder A coded and coder B did not.</param>
/// <param name="OnlyB">Units coder B coded and coder A did not.</param>
/// <param name="Neither">Units neither coder coded with the theme.</param>
public sealed record AgreementTable(string? Code, int BothApplied, int OnlyA, int OnlyB, int Neither)
{
    /// <summary>Number of units (review × theme decisions) compared.</summary>
    public int Units => BothApplied + OnlyA + OnlyB + Neither;

    /// <summary>Observed agreement p<sub>o</sub> in [0, 1]; 0 when there are no units.</summary>
    public double ObservedAgreement => Units == 0 ? 0 : (double)(BothApplied + Neither) / Units;

    /// <summary>Percentage agreement (0–100), i.e. <see cref="ObservedAgreement"/> × 100.</summary>
    public double PercentAgreement => ObservedAgreement * 100;

    /// <summary>Agreement expected by chance p<sub>e</sub> from the two coders' marginals; 0 when there are no units.</summary>
    public double ExpectedAgreement
    {
        get
        {
            if (Units == 0)
            {
                return 0;
            }

            double n = Units;
            var aYes = (BothApplied + OnlyA) / n;
            var bYes = (BothApplied + OnlyB) / n;
            return (aYes * bYes) + ((1 - aYes) * (1 - bYes));
        }
    }

    /// <summary>
    /// True when chance agreement is 1 (both coders applied the theme to every unit, or to none), so kappa's
    /// formula divides by zero. Agreement is then necessarily total, and <see cref="Kappa"/> is reported as 1,
    /// following NVivo, which gives kappa 1 where neither coder coded the content.
    /// </summary>
    public bool IsDegenerate => Units > 0 && ExpectedAgreement >= 1 - 1e-12;

    /// <summary>
    /// Cohen's kappa κ = (p<sub>o</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>), in [−1, 1]; 1 in the degenerate case
    /// (see <see cref="IsDegenerate"/>); <c>null</c> when there are no units to compare.
    /// </summary>
    public double? Kappa
    {
        get
        {
            if (Units == 0)
            {
                return null;
            }

            if (IsDegenerate)
            {
                return 1.0;
            }

            return (ObservedAgreement - ExpectedAgreement) / (1 - ExpectedAgreement);
        }
    }

    /// <summary>Adds two tables cell by cell (for pooling); the result has no code.</summary>
    public AgreementTable Plus(AgreementTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new AgreementTable(null, BothApplied + other.BothApplied, OnlyA + other.OnlyA, OnlyB + other.OnlyB, Neither + other.Neither);
    }
}

/// <summary>One review as two coders coded it: the theme codes each applied.</summary>
/// <param name="ReviewId">Any stable identifier of the review (used only to match and report).</param>
/// <param name="CoderA">Codes applied by the first coder (e.g. the automatic coder).</param>
/// <param name="CoderB">Codes applied by the second coder (e.g. a person).</param>
public sealed record CodedPair(string ReviewId, IReadOnlyCollection<string> CoderA, IReadOnlyCollection<string> CoderB)
{
    /// <summary>
    /// The automatic coder (A) against one person (B) on one review: the person's coding is the automatic codes as
    /// that person left them (their own latest decisions applied; codes they did not touch stand as accepted).
    /// Returns null when the person made no decision on the review (they have not coded it).
    /// </summary>
    public static CodedPair? AutomaticVersusHuman(string reviewId, IReadOnlyCollection<string> automatic, IEnumerable<CodingDecision> decisions, string coder)
    {
        ArgumentNullException.ThrowIfNull(automatic);
        ArgumentNullException.ThrowIfNull(decisions);
        var own = decisions.Where(d => string.Equals(d.Coder, coder, StringComparison.Ordinal)).ToList();
        return own.Count == 0 ? null : new CodedPair(reviewId, automatic, EffectiveCoding.MergeCodes(automatic, own));
    }
}

/// <summary>Per-theme tables and the pooled table over every review × theme decision.</summary>
public sealed record AgreementReport(IReadOnlyList<AgreementTable> Themes, AgreementTable Overall, int Reviews);

/// <summary>Computes intercoder agreement between two coders over the reviews both coded.</summary>
public static class CohensKappa
{
    /// <summary>
    /// Builds one 2×2 table per theme over <paramref name="reviews"/> (each review is one unit per theme) and the
    /// pooled table summing them. Pass only reviews both coders coded. <paramref name="themeCodes"/> is the set of
    /// themes compared (usually the codebook's); codes outside it are ignored, and themes neither coder used
    /// still count their "neither" units, as NVivo does when comparing over a set of codes.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AgreementReport Compare(IEnumerable<CodedPair> reviews, IEnumerable<string> themeCodes)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(themeCodes);
        var codes = themeCodes.Distinct(StringComparer.Ordinal).ToList();
        var counts = codes.ToDictionary(c => c, _ => new int[4], StringComparer.Ordinal);
        var reviewCount = 0;
        foreach (var review in reviews)
        {
            reviewCount++;
            var a = new HashSet<string>(review.CoderA, StringComparer.Ordinal);
            var b = new HashSet<string>(review.CoderB, StringComparer.Ordinal);
            foreach (var code in codes)
            {
                var cell = (a.Contains(code), b.Contains(code)) switch
                {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    _ => 3,
                };
                counts[code][cell]++;
            }
        }

        var tables = codes.Select(c => new AgreementTable(c, counts[c][0], counts[c][1], counts[c][2], counts[c][3])).ToList();
        var overall = tables.Aggregate(new AgreementTable(null, 0, 0, 0, 0), (sum, t) => sum.Plus(t));
        return new AgreementReport(tables, overall, reviewCount);
    }
}
