using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

public static class NormalisationBuilderExtensions
{
    /// <summary>Adds the standard clean-up passes in order.</summary>
    public static ReviewPipelineBuilder UseStandardNormalisation(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Normalisers.Add(new LineEndingNormaliser());
        return builder;
    }
}
