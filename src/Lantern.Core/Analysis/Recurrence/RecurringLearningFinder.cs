using System.Globalization;

namespace Lantern.Core.Analysis.Recurrence;

/// <summary>
/// Finds learning that recurs across reviews: each learning point is split into its message units
/// (<see cref="LearningUnits"/>), each unit becomes a vector of IDF-weighted terms (<see cref="LearningTokeniser.Terms"/>)
/// plus its folded concepts (<see cref="LearningConcepts"/>); candidate pairs come from an inverted index over the
/// terms that are not too common, so the work grows with the number of units rather than its square; pairs at or
/// above the threshold are linked, and each connected set is then split by average linkage
/// (<see cref="AverageLinkage"/>) so that a chain of loosely similar units does not become one group. Each cluster
/// with units from at least two reviews is a group, represented by its medoid. Pure: no I/O, no clock.
/// </summary>
public static class RecurringLearningFinder
{
    private const string ConceptPrefix = "#";

    /// <summary>Groups the learning points of <paramref name="reviews"/>. Never throws for odd text; empty input gives no groups.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reviews"/> is null.</exception>
    public static RecurrenceResult Find(IEnumerable<AnalysisReview> reviews, RecurrenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        options ??= new RecurrenceOptions();
        var reviewList = reviews.ToList();
        // Reading the terms (and matching the codebook's cues) is the costly, independent part: done in parallel,
        // in order, so the result does not depend on scheduling.
        var units = reviewList
            .SelectMany((review, r) => review.Learning.SelectMany((text, o) => LearningUnits.Split(text).Select(unit => (r, o, unit, text))));
        (int r, int o, string unit, string text, List<string>? Terms) Read((int r, int o, string unit, string text) x) =>
            (x.r, x.o, x.unit, x.text, LearningTokeniser.Words(x.unit).Count < options.MinWords
                ? null
                : LearningTokeniser.Terms(x.unit).Concat((options.Concepts?.Of(x.unit) ?? []).Select(c => ConceptPrefix + c)).ToList());
        var read = (options.UseAllCores ? units.AsParallel().AsOrdered().Select(Read).ToList() : units.Select(Read).ToList())
            .Where(x => x.Terms is not null)
            .ToList();
        var points = new List<Point>(read.Count);
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        foreach (var (r, o, unit, text, terms) in read)
        {
            var ids = new List<int>();
            foreach (var term in terms!)
            {
                if (!termIds.TryGetValue(term, out var id))
                {
                    id = termIds.Count;
                    termIds[term] = id;
                    df.Add(0);
                }

                df[id]++;
                ids.Add(id);
            }

            ids.Sort();
            points.Add(new Point(r, o, unit, text, [.. ids]));
        }

        var n = points.Count;
        var idf = df.Select(d => Math.Log(1.0 + ((double)n / d))).ToArray();
        var boost = new bool[df.Count];
        foreach (var (term, id) in termIds)
        {
            boost[id] = term.StartsWith(ConceptPrefix, StringComparison.Ordinal);
        }

        // A concept is weighted as a rare word, not by its own rarity: the more a message recurs, the more common
        // its concept becomes, and recurrence is what is being looked for.
        var conceptWeight = options.ConceptBoost * Math.Log(1.0 + (n / 2.0));
        var weights = points.Select(p => Normalise([.. p.Terms.Select(t => boost[t] ? conceptWeight : idf[t])])).ToArray();

        // Candidates come from each point's rarest terms (shared by at least two points, not by too many): near-identical
        // points share their rare words, so this finds them while the common words of the field propose nothing.
        var cap = Math.Max(25, (int)(options.CandidateTermMaxShare * n));
        var candidateTerms = new int[n][];
        for (var i = 0; i < n; i++)
        {
            candidateTerms[i] = [.. points[i].Terms.Where(t => df[t] >= 2 && df[t] <= cap).OrderBy(t => df[t]).ThenBy(t => t).Take(Math.Max(1, options.CandidateTerms))];
        }

        var (parent, compared) = Link(n, candidateTerms, (i, j) => Cosine(points[i].Terms, weights[i], points[j].Terms, weights[j]) >= options.Threshold);

        var groups = new List<RecurringGroup>();
        var termsOf = points.Select(p => p.Terms).ToArray();
        foreach (var component in Enumerable.Range(0, n).GroupBy(i => Find(parent, i)))
        {
            foreach (var list in AverageLinkage.Split([.. component], termsOf, weights, options.Threshold, options.MaxAverageLinkage))
            {
                var reviewIndexes = list.Select(i => points[i].Review).Distinct().ToList();
                if (list.Count < 2 || reviewIndexes.Count < Math.Max(1, options.MinReviews))
                {
                    continue;
                }

                groups.Add(BuildGroup(list, points, weights, reviewList));
            }
        }

        var ordered = groups
            .OrderByDescending(g => g.PublisherCount)
            .ThenByDescending(g => g.ReviewCount)
            .ThenByDescending(g => g.Occurrences.Count)
            .ThenBy(g => g.Representative, StringComparer.Ordinal)
            .ToList();
        return new RecurrenceResult(ordered, reviewList.Count, n, compared, options.Threshold);
    }

    /// <summary>
    /// Single linkage over the candidate pairs: two points are candidates when they share a candidate term, and linked
    /// when <paramref name="similar"/>. Returns each point's parent (follow it with <see cref="Find(int[], int)"/> for its
    /// component) and how many pairs were tested.
    /// </summary>
    /// <remarks>
    /// A pair already in one component needs no test: a single link is enough. The points sharing a term are kept in
    /// groups by component, so each point skips a whole group of its own component at once; walking every point of a
    /// common term one by one grew with the square of the library (a 100k-review library of templated learning took
    /// over a minute). Which pairs are tested depends on the order, the components do not: every candidate pair is
    /// tested unless its points are already connected.
    /// </remarks>
    internal static (int[] Parent, long Compared) Link(int n, int[][] candidateTerms, Func<int, int, bool> similar)
    {
        var parent = Enumerable.Range(0, n).ToArray();
        var seen = new int[n];
        Array.Fill(seen, -1);
        long compared = 0;
        // For each term, the earlier points holding it, grouped under the root their component had when the group
        // was last tidied (a key may have been joined to another since: it is looked up again before use).
        var groupsOf = new Dictionary<int, Dictionary<int, List<int>>>();
        for (var i = 0; i < n; i++)
        {
            foreach (var t in candidateTerms[i])
            {
                if (!groupsOf.TryGetValue(t, out var groups))
                {
                    continue;
                }

                Tidy(groups, parent);
                foreach (var (_, members) in groups)
                {
                    if (Find(parent, members[0]) == Find(parent, i))
                    {
                        continue; // the whole group is in i's component already
                    }

                    foreach (var j in members)
                    {
                        if (seen[j] == i)
                        {
                            continue; // tested for i under another term
                        }

                        seen[j] = i;
                        compared++;
                        if (similar(j, i))
                        {
                            Union(parent, i, j);
                            break; // the rest of this group is now in i's component
                        }
                    }
                }
            }

            foreach (var t in candidateTerms[i])
            {
                if (!groupsOf.TryGetValue(t, out var groups))
                {
                    groupsOf[t] = groups = [];
                }

                var root = Find(parent, i);
                if (!groups.TryGetValue(root, out var members))
                {
                    groups[root] = members = [];
                }

                members.Add(i);
            }
        }

        return (parent, compared);
    }

    /// <summary>Merges the groups whose components have been joined, so each key is its component's root.</summary>
    private static void Tidy(Dictionary<int, List<int>> groups, int[] parent)
    {
        List<int>? stale = null;
        foreach (var key in groups.Keys)
        {
            if (Find(parent, key) != key)
            {
                (stale ??= []).Add(key);
            }
        }

        if (stale is null)
        {
            return;
        }

        foreach (var key in stale)
        {
            var members = groups[key];
            groups.Remove(key);
            var root = Find(parent, key);
            if (groups.TryGetValue(root, out var into))
            {
                into.AddRange(members);
            }
            else
            {
                groups[root] = members;
            }
        }
    }

    private static RecurringGroup BuildGroup(List<int> members, List<Point> points, double[][] weights, List<AnalysisReview> reviews)
    {
        // The medoid is taken as the member closest to the group's centroid, which is linear in the group's size.
        var centroid = new Dictionary<int, double>();
        foreach (var i in members)
        {
            for (var k = 0; k < points[i].Terms.Length; k++)
            {
                centroid[points[i].Terms[k]] = centroid.GetValueOrDefault(points[i].Terms[k]) + weights[i][k];
            }
        }

        var medoid = members
            .OrderByDescending(i => Enumerable.Range(0, points[i].Terms.Length).Sum(k => weights[i][k] * centroid[points[i].Terms[k]]))
            .ThenBy(i => i)
            .First();

        var occurrences = members
            .Select(i =>
            {
                var review = reviews[points[i].Review];
                var similarity = i == medoid ? 1.0 : Cosine(points[i].Terms, weights[i], points[medoid].Terms, weights[medoid]);
                return new LearningOccurrence(review.Id, review.Title, review.Publisher, review.Year, points[i].Ordinal, points[i].Text, Math.Round(similarity, 3), points[i].LearningPoint);
            })
            .OrderBy(o => o.Year ?? int.MaxValue)
            .ThenBy(o => o.ReviewId)
            .ThenBy(o => o.Ordinal)
            .ToList();
        var memberReviews = members.Select(i => reviews[points[i].Review]).DistinctBy(r => r.Id).ToList();
        var years = memberReviews.Where(r => r.Year is not null).Select(r => r.Year!.Value).ToList();
        var themes = memberReviews
            .SelectMany(r => r.Themes.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new ThemeCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Reviews)
            .ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();
        var representative = points[medoid].Text;
        return new RecurringGroup(
            StableId(representative),
            representative,
            occurrences,
            [.. memberReviews.Select(r => r.Id).Order()],
            [.. memberReviews.Select(r => r.Publisher).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            years.Count > 0 ? years.Min() : null,
            years.Count > 0 ? years.Max() : null,
            themes);
    }

    /// <summary>Cosine of two sparse unit vectors given as sorted term ids and their weights.</summary>
    internal static double Cosine(int[] a, double[] wa, int[] b, double[] wb)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += wa[i++] * wb[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    private static double[] Normalise(double[] weights)
    {
        var norm = Math.Sqrt(weights.Sum(w => w * w));
        return norm == 0 ? weights : [.. weights.Select(w => w / norm)];
    }

    internal static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    /// <summary>FNV-1a over the wording: the same message keeps the same id between runs.</summary>
    private static string StableId(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return "g" + (hash & 0xFFFFFFFFFFUL).ToString("x10", CultureInfo.InvariantCulture);
    }

    private sealed record Point(int Review, int Ordinal, string Text, string LearningPoint, int[] Terms);
}
