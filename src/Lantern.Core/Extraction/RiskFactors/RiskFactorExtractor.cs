using Lantern.Core.Coding;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.RiskFactors;

/// <summary>
/// Labels the review's risk factors from the cue file Data/risk-factors.json (see <see cref="Codebook"/> for its format),
/// reading the whole review segment. Negated mentions ("not known to …", "no evidence of …") do not count.
/// </summary>
public sealed class RiskFactorExtractor : IReviewExtractor
{
    /// <summary>The embedded cue file.</summary>
    public const string DataFile = "risk-factors.json";

    private static readonly Lazy<VocabularyLabeller> BuiltIn = new(() => VocabularyLabeller.BuiltIn(DataFile));

    private readonly VocabularyLabeller _labeller;

    /// <summary>Uses <paramref name="codebook"/>, or the built-in cue file when null.</summary>
    public RiskFactorExtractor(Codebook? codebook = null) => _labeller = codebook is null ? BuiltIn.Value : new VocabularyLabeller(codebook);

    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review with { RiskFactors = _labeller.Label(context, review) };
    }
}
