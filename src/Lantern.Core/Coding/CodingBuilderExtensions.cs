using Lantern.Core.Pipeline;

namespace Lantern.Core.Coding;

public static class CodingBuilderExtensions
{
    /// <summary>Adds the theme coder (run it last). <paramref name="codebook"/> null means the built-in codebook.</summary>
    public static ReviewPipelineBuilder UseThemeCoding(this ReviewPipelineBuilder builder, Codebook? codebook = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ReviewExtractors.Add(new ThemeCoder(codebook));
        return builder;
    }

    /// <summary>The codebook of the theme coder registered on <paramref name="builder"/>, or null: hosts store its version with each coding.</summary>
    public static Codebook? ThemeCodebook(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ReviewExtractors.OfType<ThemeCoder>().LastOrDefault()?.Codebook;
    }
}
