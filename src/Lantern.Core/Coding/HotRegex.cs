using System.Text.RegularExpressions;

namespace Lantern.Core.Coding;

/// <summary>
/// A cue pattern that starts interpreted and is compiled to IL once it has been used often. Compiling every one of
/// several hundred patterns up front costs about a second at start-up; interpreting the busy ones costs more than
/// twice as much per sentence over a long run. Both forms of a pattern match exactly the same text. Thread-safe.
/// </summary>
/// <remarks>
/// A pattern translated from phrase syntax (<see cref="Phrase"/>) runs without the match timeout on inputs of up to
/// <see cref="UntimedInputLimit"/> characters. A timeout makes the engine read the clock at every loop and backtrack
/// point (about 4 % of all extraction time), and a phrase pattern cannot run away on short input: its only repeated
/// parts are the character runs between words (<c>[\s\-/]+</c>), stems (<c>[\w'’\-]*</c>) and the gap
/// <c>(?:[\s\-/,]+[\w'’]+){0,5}?</c>, whose classes barely overlap, so one attempt costs at most in proportion to the
/// sentence's length and a whole scan to its square. Longer input, and every raw regular expression from a codebook
/// (<see cref="Raw"/>), which may nest quantifiers freely, keep the <see cref="CuePattern.MatchTimeout"/> guard.
/// </remarks>
internal sealed class HotRegex
{
    /// <summary>How many uses a pattern gets interpreted before it is compiled.</summary>
    public const int UsesBeforeCompiling = 200;

    /// <summary>The longest input (in characters) a phrase pattern runs on without the match timeout.</summary>
    public const int UntimedInputLimit = 4_000;

    // The pattern with the timeout, interpreted: what a phrase pattern runs on long input (rare), and the starting
    // form of a raw pattern.
    private readonly Regex _timed;
    private readonly bool _phrase;
    private Regex _current;
    private int _uses;

    private HotRegex(Regex timed, bool phrase)
    {
        _timed = timed;
        _phrase = phrase;
        _current = phrase ? new Regex(timed.ToString(), timed.Options, Regex.InfiniteMatchTimeout) : timed;
    }

    /// <summary>A pattern translated from phrase syntax (or an alternation of such patterns), compiled with <see cref="CuePattern"/>.</summary>
    public static HotRegex Phrase(Regex translated) => new(translated, phrase: true);

    /// <summary>A raw regular expression from a codebook: always run with its timeout.</summary>
    public static HotRegex Raw(Regex regex) => new(regex, phrase: false);

    /// <summary>The pattern to run now on an input of <paramref name="inputLength"/> characters (counts one use).</summary>
    public Regex For(int inputLength)
    {
        if (_phrase && inputLength > UntimedInputLimit)
        {
            return _timed;
        }

        if (_uses < UsesBeforeCompiling && Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
        {
            // A reference swap: a thread still holding the interpreted form gets the same answers.
            var interpreted = Volatile.Read(ref _current);
            Volatile.Write(ref _current, new Regex(interpreted.ToString(), interpreted.Options | RegexOptions.Compiled, interpreted.MatchTimeout));
        }

        return Volatile.Read(ref _current);
    }
}
