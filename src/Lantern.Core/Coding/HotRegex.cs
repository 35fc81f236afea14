using System.Text.RegularExpressions;

namespace Lantern.Core.Coding;

/// <summary>
/// A cue pattern that starts interpreted and is compiled to IL once it has been used often. Compiling every one of
/// several hundred patterns up front costs about a second at start-up; interpreting the busy ones costs more than
/// twice as much per sentence over a long run. Both forms of a pattern match exactly the same text. Thread-safe.
/// </summary>
internal sealed class HotRegex(Regex interpreted)
{
    /// <summary>How many uses a pattern gets interpreted before it is compiled.</summary>
    public const int UsesBeforeCompiling = 200;

    private readonly Regex _interpreted = interpreted;
    private Regex _current = interpreted;
    private int _uses;

    /// <summary>The pattern to run now (counts one use).</summary>
    public Regex Current
    {
        get
        {
            if (_uses < UsesBeforeCompiling && Interlocked.Increment(ref _uses) == UsesBeforeCompiling)
            {
                // A reference swap: a thread still holding the interpreted form gets the same answers.
                Volatile.Write(ref _current, new Regex(_interpreted.ToString(), _interpreted.Options | RegexOptions.Compiled, _interpreted.MatchTimeout));
            }

            return Volatile.Read(ref _current);
        }
    }
}
