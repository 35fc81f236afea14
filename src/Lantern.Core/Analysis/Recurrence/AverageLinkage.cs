namespace Lantern.Core.Analysis.Recurrence;

/// <summary>
/// Average-linkage agglomerative clustering of a small set of units: start with each unit alone and merge the two
/// clusters whose mean pairwise cosine is highest, while it is at or above the threshold. Unlike single linkage, a
/// unit joins a group only if it is near the group as a whole, not merely near one member.
/// </summary>
internal static class AverageLinkage
{
    /// <summary>The clusters of <paramref name="members"/> (indexes into <paramref name="terms"/>), each in ascending order.</summary>
    public static IEnumerable<List<int>> Split(int[] members, int[][] terms, double[][] weights, double threshold, int maxSize)
    {
        var m = members.Length;
        if (m < 2 || m > maxSize)
        {
            yield return [.. members.Order()];
            yield break;
        }

        // Sum of pairwise similarities between clusters; average = sum / (size a * size b).
        var sum = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = a + 1; b < m; b++)
            {
                var s = RecurringLearningFinder.Cosine(terms[members[a]], weights[members[a]], terms[members[b]], weights[members[b]]);
                sum[a, b] = s;
                sum[b, a] = s;
            }
        }

        var size = Enumerable.Repeat(1, m).ToArray();
        var clusters = members.Select(i => new List<int> { i }).ToArray();
        var alive = Enumerable.Repeat(true, m).ToArray();
        while (true)
        {
            var (bestA, bestB, best) = (-1, -1, double.MinValue);
            for (var a = 0; a < m; a++)
            {
                if (!alive[a])
                {
                    continue;
                }

                for (var b = a + 1; b < m; b++)
                {
                    if (!alive[b])
                    {
                        continue;
                    }

                    var average = sum[a, b] / (size[a] * size[b]);
                    if (average > best)
                    {
                        (bestA, bestB, best) = (a, b, average);
                    }
                }
            }

            if (bestA < 0 || best < threshold)
            {
                break;
            }

            // Merge b into a: the sums of similarities simply add (Lance–Williams for average linkage).
            for (var c = 0; c < m; c++)
            {
                if (alive[c] && c != bestA && c != bestB)
                {
                    sum[bestA, c] += sum[bestB, c];
                    sum[c, bestA] = sum[bestA, c];
                }
            }

            size[bestA] += size[bestB];
            clusters[bestA].AddRange(clusters[bestB]);
            alive[bestB] = false;
        }

        for (var a = 0; a < m; a++)
        {
            if (alive[a])
            {
                clusters[a].Sort();
                yield return clusters[a];
            }
        }
    }
}
