using Lantern.Core.Model;
using Lantern.Core.Normalisation;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests;

/// <summary>Runs the passes <c>UseStandardNormalisation()</c> registers, in order, without needing the later stages.</summary>
internal static class StandardNormalisation
{
    public static string Run(string text) => Run(text, []);

    public static string Run(string text, List<Diagnostic> diagnostics)
    {
        var builder = new ReviewPipelineBuilder().UseStandardNormalisation();
        foreach (var normaliser in builder.Normalisers)
        {
            text = normaliser.Normalise(text, diagnostics);
        }

        return text;
    }
}
