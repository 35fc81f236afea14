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

    public static Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken) =>
        PrefixExpansion.WidenAsync(expression, PrefixTerm(),
            m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal),
            async prefix => (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT word FROM ts_stat('SELECT search FROM reviews') WHERE word > @prefix AND starts_with(word, @prefix) ORDER BY word LIMIT @max",
                new { prefix, max = PrefixExpansion.MaxWords },
                cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList(),
            word => " | " + SearchQueryParser.TsQuote(word));
}
