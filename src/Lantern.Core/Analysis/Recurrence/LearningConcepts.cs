using Lantern.Core.Coding;
using Lantern.Core.Model;

namespace Lantern.Core.Analysis.Recurrence;

/// <summary>
/// The field's phrase-level synonyms, folded: the practice themes a learning point speaks to, found with the theme
/// codebook's cue phrases ("share information", "information should be shared", "communicate effectively" are all
/// <c>information-sharing</c>). Each becomes one extra term, so points that say the same thing in other words meet.
/// </summary>
public sealed class LearningConcepts
{
    private static readonly Lazy<LearningConcepts> BuiltInLazy = new(() => new LearningConcepts(new CueMatcher(Codebook.BuiltIn)));

    // The same learning units are read again and again (every review page groups a review with its neighbours, and
    // neighbourhoods overlap; the recurring page regroups its selection on each visit), and a unit's concepts depend
    // on its text alone, so they are remembered. Bounded: the memory is dropped whole when it fills.
    private const int MemoryCapacity = 50_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _memory = new(StringComparer.Ordinal);
    private readonly CueMatcher _matcher;

    /// <summary>Folds with the cues of <paramref name="matcher"/>'s codebook.</summary>
    public LearningConcepts(CueMatcher matcher) => _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));

    /// <summary>Concepts from the built-in theme codebook.</summary>
    public static LearningConcepts BuiltIn => BuiltInLazy.Value;

    /// <summary>
    /// The distinct theme codes whose cues of weight at least <paramref name="minWeight"/> (default 0.7) match
    /// <paramref name="text"/>, not negated. Never throws on odd text.
    /// </summary>
    public IReadOnlyList<string> Of(string? text, double minWeight = DefaultMinWeight)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (minWeight != DefaultMinWeight)
        {
            return Match(text, minWeight);
        }

        if (_memory.TryGetValue(text, out var known))
        {
            return known;
        }

        if (_memory.Count >= MemoryCapacity)
        {
            _memory.Clear();
        }

        var concepts = Match(text, minWeight);
        _memory.TryAdd(text, concepts);
        return concepts;
    }

    private const double DefaultMinWeight = 0.7;

    private string[] Match(string text, double minWeight) =>
        [.. _matcher.Match(text, [new SourceSpan(0, text.Length)])
            .Where(m => m.Weight >= minWeight && !m.Hedged)
            .Select(m => m.Code)
            .Distinct(StringComparer.Ordinal)];
}
