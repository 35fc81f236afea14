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

    public static async Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken)
    {
        var matches = PrefixTerm().Matches(expression);
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
            var prefix = m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal).ToLowerInvariant();
            // Words longer than the prefix only: the prefix term already matches the prefix as a whole word.
            var words = prefix.Length == 0
                ? []
                : (await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT term FROM review_words_vocab WHERE term > @prefix AND term < @end ORDER BY term LIMIT @max",
                    new { prefix, end = prefix + char.MaxValue, max = MaxWords },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (words.Count == 0)
            {
                sb.Append(m.Value);
                continue;
            }

            sb.Append('(').Append(m.Value);
            foreach (var word in words)
            {
                sb.Append(" OR \"").Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            sb.Append(')');
        }

        sb.Append(expression, last, expression.Length - last);
        return sb.ToString();
    }
}
