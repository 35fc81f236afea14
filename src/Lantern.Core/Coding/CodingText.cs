using System.Runtime.CompilerServices;
using Lantern.Core.Model;

namespace Lantern.Core.Coding;

/// <summary>
/// What every matcher needs from one document's text, computed once per document and shared by the theme coder and
/// the label extractors (which otherwise each masked, split and folded the same review segment again): the text
/// with links masked, its fold for the prefilter, and the sentences of each stretch coded. Thread-safe.
/// </summary>
internal sealed class CodingText
{
    // Every extractor of every review codes stretches of the same document text: prepare it once per document, not
    // once per review and extractor (which made extraction quadratic in the document's length).
    private static readonly ConditionalWeakTable<string, CodingText> Texts = new();

    private readonly Dictionary<SourceSpan, CodingSentence[]> _sentences = [];
    private readonly Lock _lock = new();
    private string? _folded;

    private CodingText(string masked) => Masked = masked;

    /// <summary>The text with URLs and e-mail addresses blanked (same length).</summary>
    public string Masked { get; }

    /// <summary>The masked text folded for the prefilter (same length; see <see cref="CuePrefilter.Fold"/>).</summary>
    public string Folded => _folded ??= CuePrefilter.FoldText(Masked);

    /// <summary>The shared preparation of <paramref name="text"/>.</summary>
    public static CodingText For(string text) => Texts.GetValue(text, static t => new CodingText(CueMatcher.MaskLinksOnce(t)));

    /// <summary>The sentences of <paramref name="span"/> of the masked text (see <see cref="SentenceSplitter"/>).</summary>
    public CodingSentence[] Sentences(SourceSpan span)
    {
        lock (_lock)
        {
            if (_sentences.TryGetValue(span, out var known))
            {
                return known;
            }
        }

        var spans = SentenceSplitter.Split(Masked, span);
        var sentences = new CodingSentence[spans.Count];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = new CodingSentence(spans[i], spans[i].Slice(Masked));
        }

        lock (_lock)
        {
            _sentences.TryAdd(span, sentences);
        }

        return sentences;
    }
}

/// <summary>One sentence to code: where it stands and its (masked) text.</summary>
internal sealed class CodingSentence(SourceSpan span, string text)
{
    // The prefilter words found in the sentence with the last word index asked for; matchers sharing an index (the
    // label vocabularies, which all read each review's whole segment) find them once between them.
    private FoundWords? _present;
    private ClauseBreaks? _clauseBreaks;
    private ClauseBreaks? _strongClauseBreaks;

    public SourceSpan Span { get; } = span;

    public string Text { get; } = text;

    /// <summary>Where the sentence's clauses break (for hedging), found on first use and shared by every matcher.</summary>
    public ClauseBreaks ClauseBreaks => Volatile.Read(ref _clauseBreaks) ?? Set(ref _clauseBreaks, CueMatcher.ClauseBreak());

    /// <summary>Where the sentence's clauses break for negation (not at commas), found on first use.</summary>
    public ClauseBreaks StrongClauseBreaks => Volatile.Read(ref _strongClauseBreaks) ?? SetBoth();

    // Negation asks for both kinds of break: they are found in one pass.
    private ClauseBreaks SetBoth()
    {
        var (breaks, strong) = ClauseBreaks.Both(Text);
        Interlocked.CompareExchange(ref _clauseBreaks, breaks, null);
        Volatile.Write(ref _strongClauseBreaks, strong);
        return strong;
    }

    // A reference write: a thread racing this one at worst finds the same breaks again.
    private ClauseBreaks Set(ref ClauseBreaks? field, System.Text.RegularExpressions.Regex pattern)
    {
        var breaks = new ClauseBreaks(pattern, Text);
        Volatile.Write(ref field, breaks);
        return breaks;
    }

    /// <summary>The words of <paramref name="index"/> the sentence holds (see <see cref="CueWordIndex.Find"/>); <paramref name="folded"/> is the fold of the whole text.</summary>
    public ulong[] PresentWords(CueWordIndex index, string folded)
    {
        // A reference read and write: a thread racing this one at worst finds the same words again.
        if (Volatile.Read(ref _present) is { } known && ReferenceEquals(known.Index, index))
        {
            return known.Bits;
        }

        var bits = index.Find(folded.AsSpan(Span.Start, Span.Length), Text);
        Volatile.Write(ref _present, new FoundWords(index, bits));
        return bits;
    }

    private sealed record FoundWords(CueWordIndex Index, ulong[] Bits);
}
