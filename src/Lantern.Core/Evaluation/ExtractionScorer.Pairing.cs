using System.Text.Json.Nodes;

namespace Lantern.Core.Evaluation;

public static partial class ExtractionScorer
{
    // Greedy one-to-one pairing: equal references first (similarity 2), then anchor-text overlap; ties broken as
    // Python's reverse sort of (similarity, gold index, predicted index) tuples breaks them.
    private static List<(int Gold, int Pred)> Pair(IReadOnlyList<JsonNode> gold, IReadOnlyList<JsonNode> pred)
    {
        var candidates = new List<(double Sim, int I, int J)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < pred.Count; j++)
            {
                var gr = NormaliseReference(StrOrNull(Get(gold[i], "reference")));
                var pr = NormaliseReference(StrOrNull(Get(pred[j], "reference")));
                var sim = !string.IsNullOrEmpty(gr) && !string.IsNullOrEmpty(pr) && gr == pr ? 2.0 : TextOverlap.TokenF1(Anchor(gold[i]), Anchor(pred[j]));
                if (sim >= PairMin)
                {
                    candidates.Add((sim, i, j));
                }
            }
        }

        return Greedy(candidates);
    }

    private static int MatchTexts(IReadOnlyList<string> gold, IReadOnlyList<string> pred)
    {
        var candidates = new List<(double Sim, int I, int J)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < pred.Count; j++)
            {
                var f = TextOverlap.TokenF1(gold[i], pred[j]);
                if (f >= TextMatch)
                {
                    candidates.Add((f, i, j));
                }
            }
        }

        return Greedy(candidates).Count;
    }

    private static List<(int Gold, int Pred)> Greedy(List<(double Sim, int I, int J)> candidates)
    {
        candidates.Sort((a, b) => b.Sim != a.Sim ? b.Sim.CompareTo(a.Sim) : b.I != a.I ? b.I.CompareTo(a.I) : b.J.CompareTo(a.J));
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var (_, i, j) in candidates)
        {
            if (usedG.Contains(i) || usedP.Contains(j))
            {
                continue;
            }

            usedG.Add(i);
            usedP.Add(j);
            pairs.Add((i, j));
        }

        return pairs;
    }

    private static string Anchor(JsonNode review)
    {
        var summary = Get(review, "summary");
        var parts = new List<string> { PyValue.Truthy(summary) ? PyValue.Str(summary) : "" };
        parts.AddRange(Strings(Get(review, "learning")).Take(2));
        return string.Join(' ', parts);
    }

    private static object? ScalarOf(JsonNode review, string field)
    {
        JsonNode? value;
        if (field is "ageBand" or "ageMonths" or "sex")
        {
            var child = Get(review, "child");
            value = PyValue.Truthy(child) ? Get(child!, field) : null;
        }
        else
        {
            value = Get(review, field);
        }

        var scalar = PyValue.Scalar(value);
        if (field == "reference")
        {
            return scalar is null ? null : NormaliseReference(PyValue.Str(value));
        }

        if (field == "name" && scalar is not null)
        {
            return PyValue.Str(value).Trim().Trim('"', '\u201c', '\u201d').ToLowerInvariant();
        }

        return scalar;
    }

    private static string? StrOrNull(JsonNode? node) => PyValue.IsNone(node) ? null : PyValue.Str(node);

    private static JsonNode? Get(JsonNode? node, string key) => node is JsonObject o && o.TryGetPropertyValue(key, out var v) ? v : null;

    private static List<JsonNode> Reviews(JsonNode doc) =>
        Get(doc, "reviews") is JsonArray a ? [.. a.Where(x => x is JsonObject).Select(x => x!)] : [];

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(PyValue.Str)] : [];

    private static HashSet<string> StringSet(JsonNode? node) => [.. Strings(node)];
}
