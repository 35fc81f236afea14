using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace Lantern.Storage.Search;

/// <summary>
/// Widens each prefix term of a MATCH expression (<c>"escalat"*</c>) with the whole words of the library that start
/// with it, read from the unstemmed word index. The stemmed search index stores "escal" for "escalation", so the
/// typed prefix alone misses it; each whole word, stemmed by the search index's own tokenizer at query time, finds it.
/// </summary>
internal static partial class PrefixExpansion
{
    /// <summary>Most whole words one prefix is widened with; beyond that the prefix itself still matches.</summary>
    public const int MaxWords = 64;

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"\\*", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixTerm();

    /// <summary>Whether <paramref name="expression"/> (an FTS5 expression as the parser writes it) has a prefix term.</summary>
    public static bool HasPrefixTerm(string expression) => PrefixTerm().IsMatch(expression);

    public static Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken) =>
        WidenAsync(expression, PrefixTerm(), m => m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal),
            async prefix => (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT term FROM review_words_vocab WHERE term > @prefix AND term < @end ORDER BY term LIMIT @max",
                new { prefix, end = prefix + char.MaxValue, max = MaxWords },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            word => " OR \"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");

    /// <summary>
    /// The widening both stores share: each match of <paramref name="prefixTerm"/> in <paramref name="expression"/>
    /// becomes <c>(term alternative...)</c> with one <paramref name="alternative"/> per whole word
    /// <paramref name="wordsStartingWith"/> finds for its unquoted, lower-cased prefix (words longer than the prefix only:
    /// the prefix term already matches the prefix as a whole word); a prefix with no such words stays as it was.
    /// </summary>
    internal static async Task<string> WidenAsync(string expression, Regex prefixTerm, Func<Match, string> unquote,
        Func<string, Task<List<string>>> wordsStartingWith, Func<string, string> alternative)
    {
        var matches = prefixTerm.Matches(expression);
        if (matches.Count == 0)
        {
            return expression;
        }

        var sb = new StringBuilder(expression.Length * 2);
        var last = 0;
        foreach (Match m in matches)
        {
            sb.Append(expression, last, m.Index - last);
            last = m.Index + m.Length;
            var prefix = unquote(m).ToLowerInvariant();
            var words = prefix.Length == 0 ? [] : await wordsStartingWith(prefix).ConfigureAwait(false);
            if (words.Count == 0)
            {
                sb.Append(m.Value);
                continue;
            }

            sb.Append('(').Append(m.Value);
            foreach (var word in words)
            {
                sb.Append(alternative(word));
            }

            sb.Append(')');
        }

        sb.Append(expression, last, expression.Length - last);
        return sb.ToString();
    }
}
