using Lantern.Core.Model;
using Lantern.Core.Pipeline;
using Lantern.Core.Segmentation;

namespace Lantern.Core.Tests.Segmentation;

/// <summary>Runs the standard normalisation and segmentation over a snippet (a tiny builder of test data).</summary>
internal static class Segment
{
    public static (string Text, DocumentLayout Layout) Of(string raw)
    {
        var text = StandardNormalisation.Run(raw);
        var layout = new StandardSegmenter().Segment(text, new List<Diagnostic>());
        return (text, layout);
    }

    public static IReadOnlyList<string> Items(this ReviewSegment review, SectionKind kind) =>
        [.. review.OfKind(kind).SelectMany(s => s.Items).Select(i => i.Text)];

    public static Review Extract(string raw) => Pipeline.Run("test.txt", raw).Reviews.Single();

    public static DocumentExtraction Run(string raw) => Pipeline.Run("test.txt", raw);

    private static readonly ReviewPipeline Pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
}
