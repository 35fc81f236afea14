using Lantern.Core.Coding;
using Lantern.Core.Exports;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Exports;

/// <summary>The sample corpus run through the default pipeline, as export input (extracted once per test run).</summary>
internal static class SampleExports
{
    private static readonly Lazy<IReadOnlyList<ExportReview>> Lazy = new(Build);
    private static readonly CueMatcher Matcher = new(Codebook.BuiltIn);

    public static IReadOnlyList<ExportReview> Reviews => Lazy.Value;

    private static List<ExportReview> Build()
    {
        var pipeline = new ReviewPipelineBuilder().UseDefaults().Build();
        var reviews = new List<ExportReview>();
        var documentId = 0;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples, "*.txt").Order(StringComparer.Ordinal))
        {
            documentId++;
            var extraction = pipeline.Run(Path.GetFileName(file), File.ReadAllText(file));
            foreach (var extracted in extraction.Reviews)
            {
                // The fixture must not depend on whether the pipeline's theme coder is wired in yet: code with the
                // codebook's cues over the learning, good practice and actions when the pipeline gave no themes.
                var review = extracted.Themes.Count > 0
                    ? extracted
                    : extracted with { Themes = Matcher.Code(extraction.Text, extracted.Learning.Concat(extracted.GoodPractice).Concat(extracted.Actions).Select(i => i.Span)) };
                reviews.Add(new ExportReview
                {
                    Id = reviews.Count + 1,
                    DocumentId = documentId,
                    DocumentName = extraction.DocumentName,
                    Publisher = extraction.Publisher?.Value,
                    Title = review.Reference?.Value ?? review.Name?.Value ?? $"{extraction.DocumentName} review {review.Index + 1}",
                    Review = review,
                    Themes = [.. review.Themes.Select(t => t.Code).Distinct(StringComparer.Ordinal)],
                    DocumentText = extraction.Text,
                });
            }
        }

        return reviews;
    }

    /// <summary>A review with an emoji before its evidence, to check positions are counted in code points.</summary>
    public static ExportReview WithAstralCharacters()
    {
        const string text = "\U0001F4A1 Learning: agencies must share information promptly.\nMore text.";
        var start = text.IndexOf("agencies", StringComparison.Ordinal);
        var end = text.IndexOf('.', start) + 1;
        var span = SourceSpan.FromBounds(start, end);
        return new ExportReview
        {
            Id = 99,
            DocumentId = 99,
            DocumentName = "emoji.txt",
            Title = "Review E",
            Review = new Review { Span = new SourceSpan(0, text.Length), Learning = [new TextItem(span.Slice(text), span)], Themes = [new CodedLabel("information-sharing", 0.9, [span])] },
            Themes = ["information-sharing", "local-theme"],
            DocumentText = text,
        };
    }
}
