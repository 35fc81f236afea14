using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Lantern.Storage.Search;

namespace Lantern.Storage.Providers;

/// <summary>
/// The PostgreSQL counterpart of <see cref="PrefixExpansion"/>: widens each prefix term of a tsquery
/// (<c>'escalat':*</c>) with the library's whole words that start with it, read from the unstemmed words in the search
/// column. The index stores the stem "escal" for "escalated", so the typed prefix finds the row (through the unstemmed
/// copy) but ts_headline could not mark it; each whole word, stemmed by to_tsquery, matches the stem as well.
/// </summary>
internal static partial class PostgresPrefixExpansion
{
    [GeneratedRegex(@"'((?:[^'\\]|''|\\.)*)':\*", RegexOptions.CultureInvariant)]
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
            var prefix = m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal).ToLowerInvariant();
            // Words longer than the prefix only: the prefix term already matches the prefix as a whole word.
            var words = prefix.Length == 0
                ? []
                : (await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT word FROM ts_stat('SELECT search FROM reviews') WHERE word > @prefix AND starts_with(word, @prefix) ORDER BY word LIMIT @max",
                    new { prefix, max = PrefixExpansion.MaxWords },
                    cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
            if (words.Count == 0)
            {
                sb.Append(m.Value);
                continue;
            }

            sb.Append('(').Append(m.Value);
            foreach (var word in words)
            {
                sb.Append(" | ").Append(SearchQueryParser.TsQuote(word));
            }

            sb.Append(')');
        }

        sb.Append(expression, last, expression.Length - last);
        return sb.ToString();
    }
}
