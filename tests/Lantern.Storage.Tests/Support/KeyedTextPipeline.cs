using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Storage.Tests.Support;

/// <summary>
/// A pipeline for storage tests that reads a plain test format, so tests do not depend on the real extractors:
/// <code>
/// Publisher: Some Partnership
/// # Review RR 1/22
/// Type: rapid-review
/// Year: 2022
/// Themes: was-not-brought, information-sharing
/// Summary: what happened
/// - a learning point
/// </code>
/// A review containing BOOM makes the extractor throw (to test that a stage's defect rejects only its file).
/// Keys: Name, Type, Year, Sex, AgeBand, AgeMonths, Outcome, Harm, Risk, Agency, Themes, Summary, Good, Action.
/// </summary>
public static partial class KeyedTextPipeline
{
    public static ReviewPipeline Build(string version = "test-1")
    {
        var builder = new ReviewPipelineBuilder { Segmenter = new Segmenter() };
        builder.ReviewExtractors.Add(new Extractor());
        builder.DocumentExtractors.Add(new PublisherExtractor());
        return builder.Build();
    }

    private sealed class Segmenter : ISegmenter
    {
        public DocumentLayout Segment(string text, ICollection<Diagnostic> diagnostics)
        {
            var starts = HeadingPattern().Matches(text).Select(m => m.Index).ToList();
            var segments = new List<ReviewSegment>();
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
                segments.Add(new ReviewSegment(SourceSpan.FromBounds(starts[i], end), null, []));
            }

            return new DocumentLayout(segments);
        }
    }

    private sealed class Extractor : IReviewExtractor
    {
        public Review Extract(ReviewContext context, Review review)
        {
            var start = context.Segment.Span.Start;
            var segment = context.Segment.Span.Slice(context.Text);
            if (segment.Contains("BOOM", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("a defective extractor");
            }

            var heading = HeadingPattern().Match(segment);
            if (heading.Success)
            {
                review = review with { Reference = new Evidence<string>(heading.Groups[1].Value.Trim(), new SourceSpan(start + heading.Groups[1].Index, heading.Groups[1].Length)) };
            }

            var learning = new List<TextItem>();
            var good = new List<TextItem>();
            var actions = new List<TextItem>();
            foreach (Match line in LinePattern().Matches(segment))
            {
                var key = line.Groups["key"].Value;
                var value = line.Groups["value"].Value.Trim();
                var span = new SourceSpan(start + line.Groups["value"].Index, value.Length);
                review = key switch
                {
                    "Name" => review with { Name = new(value, span) },
                    "Type" => review with { Type = new(value, span) },
                    "Year" => review with { Year = new(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), span) },
                    "Outcome" => review with { Outcome = new(value, span) },
                    "Sex" => review with { Child = review.Child with { Sex = new(value, span) } },
                    "AgeBand" => review with { Child = review.Child with { AgeBand = new(value, span) } },
                    "Harm" => review with { Harm = Labels(value, span) },
                    "Risk" => review with { RiskFactors = Labels(value, span) },
                    "Agency" => review with { Agencies = Labels(value, span) },
                    "Themes" => review with { Themes = Labels(value, span) },
                    "Summary" => review with { Summary = new TextItem(value, span) },
                    _ => review,
                };
                if (key == "Good")
                {
                    good.Add(new TextItem(value, span));
                }
                else if (key == "Action")
                {
                    actions.Add(new TextItem(value, span));
                }
                else if (key == "-")
                {
                    learning.Add(new TextItem(value, span));
                }
            }

            return review with { Learning = learning, GoodPractice = good, Actions = actions };
        }

        private static CodedLabel[] Labels(string value, SourceSpan span) =>
            [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => new CodedLabel(c, 0.9, [span]))];
    }

    private sealed class PublisherExtractor : IDocumentExtractor
    {
        public DocumentExtraction Extract(DocumentContext context, DocumentExtraction document)
        {
            var match = PublisherPattern().Match(context.Text);
            return match.Success
                ? document with { Publisher = new Evidence<string>(match.Groups[1].Value.Trim(), new SourceSpan(match.Groups[1].Index, match.Groups[1].Length)) }
                : document;
        }
    }

    [GeneratedRegex(@"^# Review (.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?:(?<key>-)|(?<key>[A-Za-z]+):) *(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^Publisher: (.+)$", RegexOptions.Multiline)]
    private static partial Regex PublisherPattern();
}
