using System.Text.RegularExpressions;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Segmentation;

/// <summary>
/// The field's words for the parts of a review: section headings ("Key learning", "What has happened since"),
/// and the openings that give a prose paragraph its role ("Good practice was identified…", "An action was…").
/// </summary>
public static partial class SectionVocabulary
{
    private static readonly (SectionKind Kind, Regex Pattern)[] Headings =
    [
        (SectionKind.PanelFeedback, PanelHeading()),
        (SectionKind.GoodPractice, GoodPracticeHeading()),
        (SectionKind.Actions, ActionsHeading()),
        (SectionKind.Learning, LearningHeading()),
        (SectionKind.Summary, SummaryHeading()),
        (SectionKind.Other, OtherHeading()),
    ];

    private static readonly (SectionKind Kind, Regex Pattern)[] Openings =
    [
        (SectionKind.GoodPractice, GoodPracticeOpening()),
        (SectionKind.Actions, ActionsOpening()),
        (SectionKind.Learning, LearningOpening()),
    ];

    /// <summary>
    /// The kind of section a heading line names, or null when it names none. Leading numbers ("4.", "Step 4"),
    /// trailing colons and dashes, and case are ignored.
    /// </summary>
    public static SectionKind? ClassifyHeading(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);

        // The key (see HeadingKey) is built in place and lower-cased into a stack buffer, with no string for it; only a
        // key with white space to collapse takes the string path.
        var key = plain.AsSpan().Trim();
        key = key[ListMarker.NumberPrefixLength(key)..];
        if (key.Length > 0 && key[^1] is ':' or '-' or '–' or '—' or '.' or '!' or '?')
        {
            // The pattern is anchored at the end of the trimmed key, so its one match runs to the end.
            foreach (var m in TrailingPunctuation().EnumerateMatches(key))
            {
                key = key[..m.Index];
                break;
            }
        }

        if (TextBlock.NeedsCollapse(key))
        {
            return ClassifyKey(HeadingKey(plain));
        }

        key = key.Trim();
        if (key.Length == 0 || key.Length > 90)
        {
            return null;
        }

        Span<char> lower = stackalloc char[key.Length];
        key.ToLowerInvariant(lower);
        lower.Replace('’', '\'');
        return ClassifyKey(lower);
    }

    private static SectionKind? ClassifyKey(ReadOnlySpan<char> key)
    {
        if (key.Length == 0 || key.Length > 90)
        {
            return null;
        }

        foreach (var (kind, pattern) in Headings)
        {
            if (pattern.IsMatch(key))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The role a prose paragraph's opening words give it (learning, good practice, actions), or null.</summary>
    public static SectionKind? ClassifyOpening(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return ClassifyOpening(plain.AsSpan());
    }

    /// <summary>The role a paragraph's opening words give it (see <see cref="ClassifyOpening(string)"/>), read from a span.</summary>
    internal static SectionKind? ClassifyOpening(ReadOnlySpan<char> plain)
    {
        var text = plain.TrimStart("\"“'‘ ");
        foreach (var (kind, pattern) in Openings)
        {
            if (pattern.IsMatch(text))
            {
                return kind;
            }
        }

        return AgencyActionOpening().IsMatch(text) ? SectionKind.Actions : null;
    }

    /// <summary>True when a paragraph is an introduction to a list rather than a point ("The learning identified included:").</summary>
    public static bool IsIntroduction(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return plain.Length < 220 && IntroEnding().IsMatch(plain);
    }

    /// <summary>
    /// True when a paragraph is not a learning point at all: a conclusion about predictability, a note on how the
    /// review was run, or a generic pointer to further reading.
    /// </summary>
    public static bool IsNotAnItem(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        // The patterns that may match anywhere in the paragraph each need one of a few words, so a paragraph holding
        // none of them (most do not) is only tried at its start. The words hold no letter with a case-insensitive
        // equivalent outside ASCII (as k, s and i have), so the search finds every paragraph those patterns could match.
        return NotAnItemAtStart().IsMatch(plain)
            || (plain.AsSpan().ContainsAny(NotAnItemWords) && NotAnItemInside().IsMatch(plain));
    }

    // "predic/preven-table", "team meeting(s)", "supervision" and "please …" (in NotAnItemInside).
    private static readonly System.Buffers.SearchValues<string> NotAnItemWords =
        System.Buffers.SearchValues.Create(["table", "team meet", "uperv", "plea"], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the text opens with a quotation mark (panel feedback is quoted).</summary>
    public static bool IsQuotation(string plain) =>
        plain.Length > 0 && plain[0] is '"' or '“' or '‘' or '\'' or '«';

    /// <summary>
    /// Length of a lead-in heading printed at the start of a paragraph ("Learning includes: …"), including the colon
    /// and the space after it, and the kind it names; (0, null) when the paragraph has none.
    /// </summary>
    public static (int Length, SectionKind? Kind) LeadIn(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 60 || colon >= line.Length - 2)
        {
            return (0, null);
        }

        var head = line[..colon];
        var kind = ClassifyHeading(head) ?? (head.Split(' ').Length <= 4 ? ClassifyOpening(head + " ") : null);
        if (kind is null)
        {
            return (0, null);
        }

        var length = colon + 1;
        while (length < line.Length && line[length] == ' ')
        {
            length++;
        }

        return (length, kind);
    }

    internal static string HeadingKey(string plain)
    {
        var key = plain.Trim();
        key = key[ListMarker.NumberPrefixLength(key)..];
        // After Trim the pattern can only match a key ending in one of its punctuation marks.
        if (key.Length > 0 && key[^1] is ':' or '-' or '–' or '—' or '.' or '!' or '?')
        {
            key = TrailingPunctuation().Replace(key, "");
        }

        return TextBlock.Collapse(key).ToLowerInvariant().Replace('’', '\'');
    }

    [GeneratedRegex(@"\s*[:\-–—.!?]+\s*$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"^(?:(?:feedback|response|comments?|reply|letter)(?: received)? from (?:the )?(?:national )?(?:child safeguarding practice review )?panel|(?:the )?(?:national )?(?:child safeguarding practice review )?panel(?:'s)? (?:feedback|response|comments?)|what the (?:national )?panel said)$")]
    private static partial Regex PanelHeading();

    [GeneratedRegex(@"^(?:(?:areas|examples|evidence) of )?(?:good|positive|effective|strong) practice(?: (?:identified|found|noted|highlighted|examples))?$|^what went well$|^(?:key )?strengths(?: (?:in practice|identified|of practice))?$|^positives?$|^what worked well$")]
    private static partial Regex GoodPracticeHeading();

    [GeneratedRegex(@"^(?:(?:key|agreed|partnership|further|single[- ]agency|multi[- ]agency) )?(?:actions?|next steps)(?: (?:taken|planned|agreed|to date|being taken|arising|identified|for (?:the )?(?:partnership|board|lscb|agencies)))*(?: and (?:progress|next steps|impact))?(?: (?:from|following|in response to) (?:the|this) review)?$|^what (?:has|have) (?:happened|changed)(?: since(?: the review)?)?(?: as a result(?: of (?:the|this) review)?)?$|^what (?:is|are) (?:we|the partnership|the board|being) (?:doing|going to do|done)(?: about it| now| next)?$|^what (?:we|the partnership|the board|agencies) (?:are doing|will do|have done|did)(?: next| about it)?$|^(?:the )?recommendations?(?: (?:made|include|for the (?:board|partnership|lscb|scp|safeguarding partners)))?$|^(?:changes|improvements) (?:made|to practice|since)$|^(?:our|partnership|the partnership|the board'?s?) response$|^(?:what happens next|moving forward|impact|progress)$|^improving (?:systems|services)(?: and practice)?$")]
    private static partial Regex ActionsHeading();

    [GeneratedRegex(@"^(?:(?:key|main|the|areas? of|emerging) )?(?:learning|lessons?)(?: (?:points?|identified|learned|learnt|themes|messages|for (?:practice|practitioners|all agencies|agencies|professionals|the partnership)|from (?:the|this) (?:review|case)))*$|^(?:key |main )?(?:findings|messages)(?: for (?:practice|practitioners|professionals))?$|^key (?:practice )?(?:messages|points|issues|themes|findings)(?: for (?:practice|practitioners|professionals))?$|^what (?:we|did we|have we|do we) learn(?:ed|t)?(?: from (?:this|the) review)?$|^(?:recommendations|messages|implications|learning points) for (?:practice|practitioners|professionals)$|^(?:practice|learning) (?:points|messages|themes)$|^(?:areas|opportunities) for (?:improvement|development|learning)$|^missed opportunities$|^summary of (?:the )?(?:key )?(?:learning|findings|lessons)$|^what (?:we|the review|the panel) found$|^(?:multi-agency|single[- ]agency|system|systems|key practice) learning$|^(?:the )?review(?:'s)? findings$|^(?:practice and organisational|organisational|practice) learning$|^what (?:can|should) (?:we|practitioners|professionals) (?:do|learn)(?: differently)?$|^what (?:to do|you (?:should|can|need to) do)$|^learning (?:was )?identified(?: included| includes)?$")]
    private static partial Regex LearningHeading();

    [GeneratedRegex(@"^(?:(?:case|brief|the|review|a) )?(?:summary|background|overview|context)(?: (?:of|to) (?:the )?(?:case|review|family|child|incident))?(?: information)?(?: and (?:summary|background|context))?$|^(?:the case|the review|about the (?:case|child|children|family|review)|what happened|case (?:background|details|history)|circumstances(?: of the case)?|information|the (?:child|children|family)(?: and (?:their |the )?family)?|the story(?: so far)?|the incident|(?:a )?brief outline(?: of (?:the )?(?:circumstances|case))?(?: (?:resulting in|leading to) the review)?|outline of (?:the )?(?:case|circumstances)|family (?:background|composition)|what was happening(?: for the child)?|who (?:was|is) the child|about (?:child|baby) [a-z]{1,2})$")]
    private static partial Regex SummaryHeading();

    [GeneratedRegex(@"^(?:(?:more|further) information|useful (?:links|resources|information|contacts)|resources|links|references|further reading|contacts?|(?:reflective )?(?:practice )?questions(?: to (?:consider|ask|think about)| for (?:reflection|practitioners|discussion|you|managers|supervision))?|(?:points|questions) for (?:reflection|discussion)|reflections?|reflect|think about|improving practice|why (?:it|this) matters|why (?:is )?(?:it|this) (?:is )?important|how to use this (?:briefing|bulletin)|training(?: opportunities)?|read more|(?:the )?full report|where (?:to|can i) find out more|further support|ask yourself|for discussion|what does (?:this|it) mean for (?:you|practice|me|your practice)|what (?:can|should) you do(?: next)?|challenge yourself|want to know more|find out more|supervision)$")]
    private static partial Regex OtherHeading();

    [GeneratedRegex(@"^(?:there (?:was|were|is|are) )?(?:also )?(?:some |much |clear |evidence of |examples of |areas of )*(?:good|positive|effective|strong|excellent) (?:practice|multi-agency practice|work)\b(?! (?:guidance|standards))|^(?:the review|it|the panel) (?:also )?(?:found|identified|noted|highlighted|recognised) (?:some |much |examples of )?(?:good|positive) practice|^what went well", RegexOptions.IgnoreCase)]
    private static partial Regex GoodPracticeOpening();

    [GeneratedRegex(@"^(?:an?|the|one|two|three|four|several|further|following|other) (?:further |key |single[- ]agency |multi[- ]agency )?actions? (?:was|were|has|have|is|are|identified|agreed|taken|plan|for)\b|^actions? (?:taken|planned|agreed|include|arising|identified)\b|^(?:an|the) internal\b.*\b(?:investigation|review|enquiry|inquiry)\b|^recommendations? (?:include|included|made|were|are|for the (?:board|partnership|lscb|scp))\b|^(?:the )?(?:lscb|lscp|scb|scp|board|partnership|safeguarding partners|safeguarding partnership)s? (?:should|will|has|have|is|are|agreed|commissioned)\b|^since the review\b|^(?:a |an )?(?:multi-agency |single agency )?(?:audit|task and finish group|working group|learning event|learning events|training (?:programme|package|session)s?|action plan)s? (?:has|have|will|is|are|was|were)\b|^in response\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActionsOpening();

    // An agency or body named at the start of a paragraph, then what it has done or will do: "NSCP has begun work to…".
    [GeneratedRegex(@"^(?:The )?(?:(?:[A-Z][\w&'’-]*|of|and|for) ){0,6}?(?:[A-Z]{2,8}s?|Partnership|Board|Trust|Council|Service|Team|Police|Group|Panel|Unit|Hospital|Practice)(?: \([A-Z]{2,8}\))? (?:has|have|will|is|are|had) (?:now |also |already |since |recently |subsequently )?(?:begun|started|commissioned|developed|launched|agreed|produced|updated|revised|introduced|established|set up|held|implemented|been (?:asked|tasked|developed|updated|revised|introduced|launched|established|commissioned|delivered)|undertaken|delivered|created|written|reviewed|be (?:developing|reviewing|updating|revising|launching|holding|delivering|working|undertaking))\b")]
    private static partial Regex AgencyActionOpening();

    [GeneratedRegex(@"^(?:the )?(?:key )?(?:learning|lessons?)(?: points?)? (?:was |were |has been |have been )?(?:identified|included|includes|include|learned|learnt|for|from (?:this|the) review (?:is|was|were|includes?|included))\b|^(?:the )?identified areas for learning|^(?:the )?areas for learning\b|^missed opportunities\b|^(?:the )?(?:key )?findings\b|^areas for (?:improvement|development)\b|^recommendations for practice\b", RegexOptions.IgnoreCase)]
    private static partial Regex LearningOpening();

    [GeneratedRegex(@"(?::-?|\bas follows|\bthe following(?: areas)?|\bincluded?|\bincludes)\s*[:.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex IntroEnding();

    // Not an item: the alternatives that start the paragraph (NotAnItemAtStart) or stand anywhere in it (NotAnItemInside).
    [GeneratedRegex(@"^(?:the|this) (?:review|serious case review|scr|silp|rapid review|lcspr) was (?:conducted|undertaken|carried out|led|completed|chaired) (?:using|by|under|as)\b|^(?:here are|below are|the following are) (?:some )?(?:suggestions|questions|links)|^(?:please )?(?:read|discuss|download|click|book|attend|visit|watch|listen to|sign up|familiarise yourself|see|go to)\b|^(?:please )?(?:share|use|print) this (?:briefing|bulletin|newsletter|learning|document|summary)\b|^if you (?:have|are|feel) (?:any )?(?:concern|worried)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnItemAtStart();

    [GeneratedRegex(@"\b(?:predictable|preventable)\b|\b(?:this|the) (?:briefing|bulletin|newsletter)\b.*\b(?:team meetings?|supervision)\b|\bplease (?:call|contact|telephone|email)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnItemInside();
}
