using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.Name;

/// <summary>
/// Reads the pseudonym the review uses for the child: from the label (<c>Child LR</c>, <c>"Tom"</c>), else the first
/// "Child X" / "Baby X" or "known as Sam" in the review's own text. Null where several children are named together.
/// </summary>
public sealed partial class NameExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        foreach (var (line, label) in ReviewHeading.Labels(context))
        {
            if (label.Name is { } name)
            {
                return review with { Name = new Evidence<string>(TrimQuotes(name), ReviewHeading.SpanOf(line, label.NameAt)) };
            }
        }

        var span = context.Segment.Span;
        var body = span.Slice(context.Text);
        if (SeveralChildren().IsMatch(body))
        {
            return review;
        }

        var m = ChildName().Match(body);
        if (m.Success)
        {
            return review with { Name = new Evidence<string>(m.Value, new SourceSpan(span.Start + m.Index, m.Length)) };
        }

        var known = KnownAs().Match(body);
        if (known.Success)
        {
            var g = known.Groups["name"];
            return review with { Name = new Evidence<string>(g.Value, new SourceSpan(span.Start + g.Index, g.Length)) };
        }

        return review;
    }

    private static string TrimQuotes(string name) => name.Trim().Trim('"', '“', '”', '\'', '‘', '’').Trim();

    [GeneratedRegex(@"\b(?:Child|Baby|Young Person|Infant) [A-Z]{1,2}\b(?![’'][a-z])(?!\.\w)")]
    private static partial Regex ChildName();

    [GeneratedRegex(@"\b(?:Children|Siblings|Child) [A-Z],? (?:[A-Z],? )*(?:and|&) [A-Z]\b")]
    private static partial Regex SeveralChildren();

    [GeneratedRegex(@"\b(?:known as|referred to as|called|pseudonym|named)\s+[""“'‘](?<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)[""”'’]")]
    private static partial Regex KnownAs();
}
