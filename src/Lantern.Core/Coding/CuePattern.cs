using System.Text;
using System.Text.RegularExpressions;

namespace Lantern.Core.Coding;

/// <summary>
/// Compiles cue phrases into regular expressions. Phrase syntax, case-insensitive:
/// <list type="bullet">
/// <item><c>a b|c d</c>: a bar outside brackets separates whole alternative phrases;</item>
/// <item>words separated by spaces match across any run of spaces, line breaks, hyphens or slashes;</item>
/// <item><c>word*</c> is a stem: <c>curio*</c> matches curious, curiosity;</item>
/// <item><c>(a|b)</c> in a word gives alternatives, each of which may be a stem: <c>(share*|sharing)</c>;
/// a bracketed group may hold whole phrases (<c>(at home|in the bathroom)</c>) and a group followed by <c>?</c> is
/// optional (<c>(the )?</c> is written <c>(the)?</c>);</item>
/// <item><c>...</c> between words allows up to five intervening words: <c>share* ... information</c>;</item>
/// <item>a word in capitals of two or more letters (an acronym: <c>MARAC</c>, <c>CP</c>) matches only in capitals;</item>
/// <item>an apostrophe is optional and matches ' or ’ (<c>children's</c>); a hyphen inside a word is optional
/// (<c>co-ordinated</c> matches coordinated, co-ordinated, co ordinated).</item>
/// </list>
/// </summary>
public static class CuePattern
{
    /// <summary>
    /// The longest time one pattern may run on one sentence before it is abandoned (5 s). Only a pathological pattern
    /// comes near it: the timer is wall-clock time, so a short limit also fired when a loaded machine descheduled the
    /// thread (or compiled a busy pattern) mid-match, and the same document then coded differently from run to run.
    /// The matcher runs phrase patterns on sentences of ordinary length without it (see <see cref="HotRegex"/>), and
    /// raw regular expressions always with it.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private const RegexOptions BaseOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Compiles a phrase (or, with <paramref name="isRegex"/>, a raw regular expression).</summary>
    /// <returns>False with a description of the problem when the pattern is empty or invalid.</returns>
    public static bool TryCompile(string pattern, bool isRegex, out Regex? regex, out string problem)
    {
        regex = null;
        problem = "";
        if (string.IsNullOrWhiteSpace(pattern))
        {
            problem = "empty pattern";
            return false;
        }

        string source;
        if (isRegex)
        {
            source = pattern;
        }
        else if (!TryTranslate(pattern, out source, out problem))
        {
            return false;
        }

        try
        {
            regex = new Regex(source, BaseOptions, MatchTimeout);
            return true;
        }
        catch (ArgumentException e)
        {
            problem = $"invalid pattern \"{pattern}\" ({e.Message})";
            return false;
        }
    }

    /// <summary>Compiles a phrase or regex that is known to be valid (validated at load).</summary>
    /// <exception cref="ArgumentException">The pattern is invalid.</exception>
    public static Regex Compile(string pattern, bool isRegex = false) =>
        TryCompile(pattern, isRegex, out var regex, out var problem) ? regex! : throw new ArgumentException(problem, nameof(pattern));

    private static bool TryTranslate(string phrase, out string source, out string problem)
    {
        source = "";
        problem = "";
        var alternatives = SplitTopLevel(phrase);
        if (alternatives.Count > 1)
        {
            var parts = new List<string>();
            foreach (var alternative in alternatives)
            {
                if (!TryTranslateOne(alternative, out var part, out problem))
                {
                    problem = $"invalid phrase \"{phrase}\": {problem}";
                    return false;
                }

                parts.Add(part);
            }

            source = "(?:" + string.Join("|", parts) + ")";
            return true;
        }

        return TryTranslateOne(phrase, out source, out problem);
    }

    private static List<string> SplitTopLevel(string phrase)
    {
        var parts = new List<string>();
        var depth = 0;
        var from = 0;
        for (var i = 0; i < phrase.Length; i++)
        {
            depth += phrase[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (phrase[i] == '|' && depth == 0)
            {
                parts.Add(phrase[from..i]);
                from = i + 1;
            }
        }

        parts.Add(phrase[from..]);
        return parts;
    }

    private static bool TryTranslateOne(string phrase, out string source, out string problem)
    {
        source = "";
        problem = "";
        if (!TryTokenize(phrase, out var tokens, out problem))
        {
            return false;
        }

        var units = new List<(string Regex, bool Optional, bool GapBefore)>();
        var pendingGap = false;
        foreach (var token in tokens)
        {
            if (token is "..." or "…")
            {
                pendingGap = true;
                continue;
            }

            var optional = token.Length > 1 && token.EndsWith(")?", StringComparison.Ordinal);
            var body = optional ? token[..^1] : token;
            string unit;
            if (body.StartsWith('(') && body.EndsWith(')') && body.Contains(' ', StringComparison.Ordinal))
            {
                // A bracketed group of whole phrases: (at home|in the bathroom).
                var parts = new List<string>();
                foreach (var alternative in SplitTopLevel(body[1..^1]))
                {
                    if (!TryTranslateOne(alternative, out var part, out problem))
                    {
                        return false;
                    }

                    parts.Add(part);
                }

                unit = "(?:" + string.Join("|", parts) + ")";
            }
            else
            {
                var word = new StringBuilder();
                if (!TryWord(body, word, out problem))
                {
                    problem = $"invalid phrase \"{phrase}\": {problem}";
                    return false;
                }

                unit = word.ToString();
            }

            units.Add((unit, optional, pendingGap));
            pendingGap = false;
        }

        if (units.Count == 0)
        {
            problem = $"phrase \"{phrase}\" has no words";
            return false;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < units.Count; i++)
        {
            var (unit, optional, gapBefore) = units[i];
            var separator = i == 0 ? "" : gapBefore ? @"(?:[\s\-/,]+[\w'’]+){0,5}?[\s\-/,]+" : @"[\s\-/]+";
            if (optional && i == 0 && units.Count > 1)
            {
                builder.Append("(?:").Append(unit).Append(@"[\s\-/]+)?");
                i++;
                builder.Append(units[i].Regex);
                continue;
            }

            builder.Append(optional ? $"(?:{separator}{unit})?" : separator + unit);
        }

        source = builder.ToString();
        return true;
    }

    /// <summary>Splits a phrase at spaces, keeping a bracketed group (with its spaces and a trailing ?) as one token.</summary>
    private static bool TryTokenize(string phrase, out List<string> tokens, out string problem)
    {
        tokens = [];
        problem = "";
        var current = new StringBuilder();
        var depth = 0;
        foreach (var ch in phrase)
        {
            depth += ch switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth < 0)
            {
                problem = $"invalid phrase \"{phrase}\": unbalanced brackets";
                return false;
            }

            if (char.IsWhiteSpace(ch) && depth == 0)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(ch);
        }

        if (depth != 0)
        {
            problem = $"invalid phrase \"{phrase}\": unbalanced brackets";
            return false;
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return true;
    }

    private static bool TryWord(string token, StringBuilder builder, out string problem)
    {
        problem = "";
        var inner = token;
        if (token.StartsWith('(') && token.EndsWith(')') && token.Length > 2)
        {
            inner = token[1..^1];
        }
        else if (token.Contains('(', StringComparison.Ordinal) || token.Contains(')', StringComparison.Ordinal) || token.Contains('|', StringComparison.Ordinal))
        {
            problem = $"alternatives must be a whole word in brackets, e.g. (a|b), not \"{token}\"";
            return false;
        }

        var alternatives = inner.Split('|');
        builder.Append(@"(?<![\w])(?:");
        for (var i = 0; i < alternatives.Length; i++)
        {
            var alternative = alternatives[i];
            if (alternative.Length == 0 || alternative == "*")
            {
                problem = $"empty alternative in \"{token}\"";
                return false;
            }

            if (i > 0)
            {
                builder.Append('|');
            }

            var stem = alternative.EndsWith('*');
            var word = stem ? alternative[..^1] : alternative;
            if (word.Contains('*', StringComparison.Ordinal))
            {
                problem = $"a * may only end a word: \"{token}\"";
                return false;
            }

            var acronym = word.Count(char.IsLetter) >= 2 && !word.Any(char.IsLower);
            builder.Append(acronym ? "(?-i:" : "(?:");
            foreach (var ch in word)
            {
                builder.Append(ch switch
                {
                    '\'' or '’' => "['’]?",
                    '-' => @"[\s\-]?",
                    _ => Regex.Escape(ch.ToString()),
                });
            }

            builder.Append(stem ? @"[\w'’\-]*)" : @")(?![\w])");
        }

        builder.Append(')');
        return true;
    }
}
