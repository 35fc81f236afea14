using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Extraction.ReviewType;

/// <summary>
/// Reads the kind of review from the words the text uses for it: the label line first ("Serious Case Review IN14",
/// "LCSPR TN20", a code such as <c>RR 1/22</c>), then the review's own text ("a Significant Incident Learning Process
/// (SILP)"). The national Panel's name and plural mentions ("reviews") are not read. Null when the text does not say.
/// </summary>
public sealed partial class ReviewTypeExtractor : IReviewExtractor
{
    /// <inheritdoc />
    public Review Extract(ReviewContext context, Review review)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        foreach (var line in ReviewHeading.Lines(context))
        {
            if (Find(line.Raw, line.Start) is { } found)
            {
                return review with { Type = found };
            }
        }

        var span = context.Segment.Span;
        var heading = context.Segment.HeadingSpan;
        var from = heading is { } h ? h.End : span.Start;
        var body = SourceSpan.FromBounds(from, span.End).Slice(context.Text);
        return Find(body, from) is { } inBody ? review with { Type = inBody } : review;
    }

    /// <summary>The first type the text names, with its span (offsets shifted by <paramref name="offset"/>).</summary>
    internal static Evidence<string>? Find(string text, int offset)
    {
        foreach (Match m in TypeWords().Matches(text))
        {
            var code = Code(m);
            if (code is not null)
            {
                return new Evidence<string>(code, new SourceSpan(offset + m.Index, m.Length));
            }
        }

        return null;
    }

    private static string? Code(Match m)
    {
        if (m.Groups["panel"].Success || m.Groups["plural"].Success)
        {
            return null;
        }

        if (m.Groups["scr"].Success)
        {
            return "scr";
        }

        if (m.Groups["silp"].Success)
        {
            return "silp";
        }

        if (m.Groups["rr"].Success)
        {
            return "rapid-review";
        }

        if (m.Groups["lcspr"].Success)
        {
            return "lcspr";
        }

        return m.Groups["lr"].Success ? "learning-review" : null;
    }

    [GeneratedRegex(@"(?<panel>(?:national )?child safeguarding practice review panel|the (?:national )?panel)|(?<plural>\b(?:serious case|rapid|learning|practice|case) reviews\b|\b(?:SCRs|SILPs|LCSPRs|CSPRs)\b)|(?<scr>\bserious case review\b|\bSCR\b)|(?<silp>\bsignificant incident learning process\b|\bSILP\b)|(?<rr>\brapid review\b|\bRR ?\d)|(?<lcspr>\b(?:local )?child safeguarding practice review\b|\bL?CSPR\b|\bLSCPR\b)|(?<lr>\b(?:child|adult) practice review\b|\bmulti-agency (?:case |practice )?review\b|\b(?:local )?learning review\b|\bcase review\b|\bpractice learning review\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWords();
}
