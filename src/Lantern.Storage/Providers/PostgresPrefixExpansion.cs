using System.Data.Common;
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
/// <remarks>
/// PostgreSQL has no vocabulary table for a tsvector column (SQLite's FTS5 has fts5vocab): <c>ts_stat</c> reads every
/// review's search column, which took seconds per prefix search in a large library. The library's words are read with
/// it once and kept, sorted, until the library changes (its change counter moves, after a write by any process); a
/// prefix is then a binary search.
/// </remarks>
internal sealed partial class PostgresPrefixExpansion
{
    [GeneratedRegex(@"'((?:[^'\\]|''|\\.)*)':\*", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixTerm();

    private readonly SemaphoreSlim _reading = new(1, 1);
    private Vocabulary? _vocabulary;

    private sealed record Vocabulary(long Version, string[] Words);

    public async Task<string> ExpandAsync(DbConnection connection, string expression, CancellationToken cancellationToken)
    {
        if (!PrefixTerm().IsMatch(expression))
        {
            return expression;
        }

        var words = await WordsAsync(connection, cancellationToken).ConfigureAwait(false);
        return await PrefixExpansion.WidenAsync(expression, PrefixTerm(),
            m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal),
            prefix => Task.FromResult(StartingWith(words, prefix, PrefixExpansion.MaxWords)),
            word => " | " + SearchQueryParser.TsQuote(word)).ConfigureAwait(false);
    }

    /// <summary>The first <paramref name="max"/> words (in ordinal order) longer than <paramref name="prefix"/> that start with it.</summary>
    internal static List<string> StartingWith(string[] sortedWords, string prefix, int max)
    {
        var at = Array.BinarySearch(sortedWords, prefix, StringComparer.Ordinal);
        at = at >= 0 ? at + 1 : ~at;
        var found = new List<string>();
        for (; at < sortedWords.Length && found.Count < max && sortedWords[at].StartsWith(prefix, StringComparison.Ordinal); at++)
        {
            found.Add(sortedWords[at]);
        }

        return found;
    }

    private async Task<string[]> WordsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT counter FROM library_changes WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (Volatile.Read(ref _vocabulary) is { } current && current.Version == version)
        {
            return current.Words;
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _vocabulary) is { } read && read.Version == version)
            {
                return read.Words;
            }

            // Read after the counter: a write landing in between leaves words newer than the version they are kept
            // under, and the next search reads them again.
            var words = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT word FROM ts_stat('SELECT search FROM reviews')", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToArray();
            Array.Sort(words, StringComparer.Ordinal);
            Volatile.Write(ref _vocabulary, new Vocabulary(version, words));
            return words;
        }
        finally
        {
            _reading.Release();
        }
    }
}
