using System.Text.RegularExpressions;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Segmentation;

/// <summary>
/// Reads the blocks of one review in order and builds its sections and items, stopping where the review's
/// content ends (a heading that belongs to no review section, or unrelated prose after a list).
/// </summary>
internal sealed partial class ReviewWalker
{
    private readonly string _text;
    private readonly List<SectionDraft> _sections = [];
    private SectionDraft _current;
    private bool _ended;
    private bool _sawContent;
    private int _skippedHeadings;

    public ReviewWalker(string text, SourceSpan? labelRest)
    {
        _text = text;
        _current = new SectionDraft(SectionKind.Preamble, null, 0);
        _sections.Add(_current);
        if (labelRest is { Length: > 0 } rest)
        {
            // The description on the label line does not count as content: headings may still stand between it and the case text.
            _current.Add(Item(rest.Start, rest.End));
        }
    }

    /// <summary>Offset one past the last block that belongs to the review; -1 when none did.</summary>
    public int ContentEnd { get; private set; } = -1;

    /// <summary>
    /// Feeds the next block, whose list marker is <paramref name="markerLength"/> characters long (see
    /// <see cref="ListMarker.MarkerLength"/>); <paramref name="nextIsList"/> says whether the block after it is a list item.
    /// </summary>
    public void Add(TextBlock block, int markerLength, bool nextIsList)
    {
        if (_ended)
        {
            return;
        }

        var plain = block.Plain;
        if (IsSectionHeading(block, out var headingKind))
        {
            Open(headingKind, block.Span);
            ContentEnd = block.End;
            return;
        }

        if (markerLength > 0 && markerLength < block.Raw.Length)
        {
            AddListItem(block, markerLength);
            return;
        }

        var (leadIn, leadKind) = SectionVocabulary.LeadIn(block.Raw);
        if (leadKind is { } inline && markerLength == 0)
        {
            // "Learning includes: the need for…": a heading and its first point on one line.
            Open(inline, new SourceSpan(block.Start, leadIn));
            AddProse(block with { Start = block.Start + leadIn, Raw = block.Raw[leadIn..] }, inline);
            return;
        }

        var opening = SectionVocabulary.ClassifyOpening(plain);
        if (SectionVocabulary.IsIntroduction(plain) && (nextIsList || opening is not null))
        {
            Open(opening ?? (_current.Kind == SectionKind.Preamble ? SectionKind.Learning : _current.Kind), block.Span);
            ContentEnd = block.End;
            return;
        }

        if (ReviewLabelParser.IsHeadingShaped(plain, 10) && opening is null && !EndsLikeSentence(plain))
        {
            if (!_sawContent && _current.Kind == SectionKind.Preamble && _skippedHeadings < 2)
            {
                // Lines between the label and the case description (a partnership's name, "The story so far") are passed over.
                _skippedHeadings++;
                return;
            }

            _ended = true;
            return;
        }

        if (_current.Kind == SectionKind.Other)
        {
            if (opening is null || opening == SectionKind.Learning)
            {
                ContentEnd = block.End;
                return;
            }
        }

        if (opening is { } kind && kind != _current.Kind && _current.Kind != SectionKind.PanelFeedback)
        {
            // A role-opened paragraph straight after a list is one point; unrelated prose after it ends the review.
            var afterList = _current.HasList;
            Open(kind, null);
            AddProse(block, kind);
            _current.HasList = afterList;
            return;
        }

        if (_current.HasList && opening is null && _current.Kind is not (SectionKind.PanelFeedback or SectionKind.Summary or SectionKind.Other))
        {
            // Prose after a list that opens no section of its own is the document moving on (an article, the next case's introduction).
            _ended = true;
            return;
        }

        AddProse(block, _current.Kind);
    }

    /// <summary>The sections built so far, without empty implicit ones.</summary>
    public IReadOnlyList<Section> Sections() =>
        [.. _sections
            .Where(s => s.Items.Count > 0 || s.Heading is not null)
            .Select(s => new Section(s.Kind, SourceSpan.FromBounds(s.Start, Math.Max(s.Start, s.End)), s.Heading, [.. s.Items]))];

    private bool IsSectionHeading(TextBlock block, out SectionKind kind)
    {
        kind = SectionKind.Other;
        var plain = block.Plain;
        if (TextBlock.HasMoreWordsThan(plain, 12) || EndsLikeSentence(plain) && !plain.EndsWith(':'))
        {
            return false;
        }

        if (SectionVocabulary.ClassifyHeading(plain) is { } found)
        {
            kind = found;
            return true;
        }

        return false;
    }

    private void AddListItem(TextBlock block, int markerLength)
    {
        var kind = _current.Kind;
        var item = Item(block.Start + markerLength, block.End);
        var opening = SectionVocabulary.ClassifyOpening(item.Text);
        if (SectionVocabulary.IsNotAnItem(item.Text))
        {
            // Generic suggestions ("Read the protocol", "Discuss this briefing in team meetings") are not findings.
            _current.HasList = true;
            ContentEnd = block.End;
            return;
        }

        if (kind == SectionKind.Preamble)
        {
            // Bullets straight after a case description, with no heading, are the review's learning.
            kind = SectionKind.Learning;
            Open(kind, null);
        }

        if (kind == SectionKind.Learning && opening is SectionKind.Actions or SectionKind.GoodPractice)
        {
            Route(opening.Value).Add(item);
        }
        else if (kind != SectionKind.Other)
        {
            _current.Add(item);
        }

        _current.HasList = true;
        _sawContent = true;
        ContentEnd = block.End;
    }

    private void AddProse(TextBlock block, SectionKind kind)
    {
        ContentEnd = block.End;
        _sawContent = true;
        if (kind == SectionKind.Other)
        {
            return;
        }

        if (kind != SectionKind.Preamble && kind != SectionKind.Summary && SectionVocabulary.IsNotAnItem(block.Plain))
        {
            return;
        }

        var target = _current;
        var start = block.Start;
        foreach (var (sentenceStart, role) in RoleChanges(block, kind))
        {
            if (sentenceStart > start)
            {
                target.Add(Item(start, sentenceStart));
            }

            target = Route(role);
            start = sentenceStart;
        }

        target.Add(Item(start, block.End, trimQuotes: kind == SectionKind.PanelFeedback));
    }

    // Where a paragraph moves from one role to another ("… on the ward. An internal investigation is ongoing.").
    private static List<(int Start, SectionKind Role)> RoleChanges(TextBlock block, SectionKind kind)
    {
        var changes = new List<(int Start, SectionKind Role)>();
        if (kind is SectionKind.Preamble or SectionKind.Summary or SectionKind.PanelFeedback)
        {
            return changes;
        }

        var current = kind;
        foreach (var m in SentenceBreak().EnumerateMatches(block.Raw))
        {
            // The rest of the paragraph, read in place rather than copied for every sentence.
            var role = SectionVocabulary.ClassifyOpening(block.Raw.AsSpan(m.Index + m.Length));
            if (role is SectionKind.Actions or SectionKind.GoodPractice && role != current)
            {
                current = role.Value;
                changes.Add((block.Start + m.Index + m.Length, current));
            }
        }

        return changes;
    }

    private SectionDraft Route(SectionKind kind)
    {
        if (_current.Kind == kind)
        {
            return _current;
        }

        var existing = _sections.LastOrDefault(s => s.Kind == kind && s.Heading is null);
        if (existing is not null)
        {
            return existing;
        }

        var created = new SectionDraft(kind, null, _current.End);
        _sections.Add(created);
        return created;
    }

    private void Open(SectionKind kind, SourceSpan? heading)
    {
        _current = new SectionDraft(kind, heading, heading?.Start ?? ContentEnd);
        if (heading is { } h)
        {
            _current.End = h.End;
        }

        _sections.Add(_current);
    }

    private TextItem Item(int start, int end, bool trimQuotes = false)
    {
        while (start < end && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        if (trimQuotes)
        {
            while (start < end && _text[start] is '"' or '“' or '”' or '\'' or '‘')
            {
                start++;
            }

            while (end > start && _text[end - 1] is '"' or '“' or '”' or '\'' or '’')
            {
                end--;
            }
        }

        var span = SourceSpan.FromBounds(start, end);
        return new TextItem(TextBlock.Collapse(span.Slice(_text)), span);
    }

    private static bool EndsLikeSentence(string plain) => plain.Length > 0 && plain[^1] is '.' or ';' or ',' or '!' or ':' or '"' or '”';

    [GeneratedRegex(@"(?<=[a-z0-9)][.!?][""”’]?)\s+(?=[A-Z""“])")]
    private static partial Regex SentenceBreak();

    private sealed class SectionDraft(SectionKind kind, SourceSpan? heading, int start)
    {
        public SectionKind Kind { get; } = kind;
        public SourceSpan? Heading { get; } = heading;
        public int Start { get; } = start;
        public int End { get; set; } = start;
        public bool HasList { get; set; }
        public List<TextItem> Items { get; } = [];

        public void Add(TextItem item)
        {
            Items.Add(item);
            End = Math.Max(End, item.Span.End);
        }
    }
}
