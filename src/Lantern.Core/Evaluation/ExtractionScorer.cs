using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lantern.Core.Evaluation;

/// <summary>
/// An exact port of the reference scorer (tools/score.py): pairs predicted reviews with gold ones (equal references
/// first, then summary-and-learning word overlap), then scores scalar fields by accuracy, label sets and text lists by
/// micro F1 (text items match at word F1 ≥ 0.6), and the publisher by word-set overlap ≥ 0.6. The score is the mean of
/// every figure. Prints the same lines.
/// </summary>
public static partial class ExtractionScorer
{
    public static readonly IReadOnlyList<string> Scalars = ["reference", "name", "type", "year", "ageBand", "ageMonths", "sex", "outcome"];
    public static readonly IReadOnlyList<string> LabelSets = ["harm", "riskFactors", "agencies", "themes"];
    public static readonly IReadOnlyList<string> TextLists = ["learning", "goodPractice", "actions", "panelFeedback"];

    /// <summary>Word F1 at which two text items match.</summary>
    public const double TextMatch = 0.6;

    /// <summary>Word-set overlap at which two publishers match.</summary>
    public const double PublisherMatch = 0.6;

    /// <summary>Least anchor-text overlap at which a predicted review can pair with a gold one.</summary>
    public const double PairMin = 0.3;

    /// <summary>Scores predictions against gold. Documents are keyed as score.py keys them (the stem of "document", else of the file name).</summary>
    public static ScoreResult Score(IEnumerable<RecordFile> gold, IEnumerable<RecordFile> predictions, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var goldDocs = Keyed(gold);
        var predDocs = Keyed(predictions).ToDictionary(d => d.Key, d => d.Data, StringComparer.Ordinal);
        var lines = new List<string>();
        var reviewTally = new Tally();
        var scalarRight = new Dictionary<string, int>(StringComparer.Ordinal);
        var scalarSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelTallies = LabelSets.ToDictionary(f => f, _ => new Tally(), StringComparer.Ordinal);
        var textTallies = TextLists.ToDictionary(f => f, _ => new Tally(), StringComparer.Ordinal);
        int publisherRight = 0, publisherSeen = 0;
        var missing = new List<string>();

        foreach (var (key, goldDoc) in goldDocs)
        {
            if (!predDocs.TryGetValue(key, out var predDoc))
            {
                missing.Add(key);
                predDoc = new JsonObject { ["reviews"] = new JsonArray() };
            }

            var gp = Get(goldDoc, "publisher");
            var pp = Get(predDoc, "publisher");
            if (PyValue.Truthy(gp) || PyValue.Truthy(pp))
            {
                publisherSeen++;
                publisherRight += PyValue.Truthy(gp) && PyValue.Truthy(pp) && TextOverlap.SetOverlap(PyValue.Str(gp), PyValue.Str(pp)) >= PublisherMatch ? 1 : 0;
            }

            var gReviews = Reviews(goldDoc);
            var pReviews = Reviews(predDoc);
            var pairs = Pair(gReviews, pReviews);
            reviewTally.Add(pairs.Count, pReviews.Count - pairs.Count, gReviews.Count - pairs.Count);
            var pairedG = pairs.Select(p => p.Gold).ToHashSet();
            var pairedP = pairs.Select(p => p.Pred).ToHashSet();

            foreach (var (i, j) in pairs)
            {
                var g = gReviews[i];
                var p = pReviews[j];
                var label = Label(g, i);
                foreach (var field in Scalars)
                {
                    var gv = ScalarOf(g, field);
                    var pv = ScalarOf(p, field);
                    if (gv is null && pv is null)
                    {
                        continue;
                    }

                    scalarSeen[field] = scalarSeen.GetValueOrDefault(field) + 1;
                    var ok = PyValue.Equal(gv, pv);
                    scalarRight[field] = scalarRight.GetValueOrDefault(field) + (ok ? 1 : 0);
                    if (verbose && !ok)
                    {
                        lines.Add($"  {key} [{label}] {field}: gold={PyValue.Repr(gv)} pred={PyValue.Repr(pv)}");
                    }
                }

                foreach (var field in LabelSets)
                {
                    var gs = StringSet(Get(g, field));
                    var ps = StringSet(Get(p, field));
                    labelTallies[field].Add(gs.Count(ps.Contains), ps.Count(x => !gs.Contains(x)), gs.Count(x => !ps.Contains(x)));
                    if (verbose && !gs.SetEquals(ps))
                    {
                        var missingLabels = gs.Where(x => !ps.Contains(x)).Order(StringComparer.Ordinal).ToList();
                        var extra = ps.Where(x => !gs.Contains(x)).Order(StringComparer.Ordinal).ToList();
                        lines.Add($"  {key} [{label}] {field}: missing={PyValue.Repr(missingLabels)} extra={PyValue.Repr(extra)}");
                    }
                }

                foreach (var field in TextLists)
                {
                    var gi = Strings(Get(g, field));
                    var pi = Strings(Get(p, field));
                    var m = MatchTexts(gi, pi);
                    textTallies[field].Add(m, pi.Count - m, gi.Count - m);
                }
            }

            for (var i = 0; i < gReviews.Count; i++)
            {
                if (pairedG.Contains(i))
                {
                    continue;
                }

                if (verbose)
                {
                    lines.Add($"  {key}: gold review not found: {Described(gReviews[i])}");
                }

                foreach (var field in LabelSets)
                {
                    labelTallies[field].Add(0, 0, Strings(Get(gReviews[i], field)).Count);
                }

                foreach (var field in TextLists)
                {
                    textTallies[field].Add(0, 0, Strings(Get(gReviews[i], field)).Count);
                }
            }

            for (var j = 0; j < pReviews.Count; j++)
            {
                if (pairedP.Contains(j))
                {
                    continue;
                }

                if (verbose)
                {
                    lines.Add($"  {key}: predicted review matches no gold: {Described(pReviews[j])}");
                }

                foreach (var field in LabelSets)
                {
                    labelTallies[field].Add(0, Strings(Get(pReviews[j], field)).Count, 0);
                }

                foreach (var field in TextLists)
                {
                    textTallies[field].Add(0, Strings(Get(pReviews[j], field)).Count, 0);
                }
            }
        }

        var figures = new List<KeyValuePair<string, double>>();
        if (reviewTally.Prf() is { } reviews)
        {
            figures.Add(new("reviews.f1", reviews.F));
        }

        foreach (var field in Scalars)
        {
            if (scalarSeen.GetValueOrDefault(field) > 0)
            {
                figures.Add(new($"{field}.accuracy", scalarRight.GetValueOrDefault(field) / (double)scalarSeen[field]));
            }
        }

        foreach (var (field, tally) in labelTallies.Concat(textTallies))
        {
            if (tally.Prf() is { } prf)
            {
                figures.Add(new($"{field}.f1", prf.F));
            }
        }

        if (publisherSeen > 0)
        {
            figures.Add(new("publisher.accuracy", publisherRight / (double)publisherSeen));
        }

        var sum = 0.0;
        foreach (var (_, value) in figures)
        {
            sum += value;
        }

        var overall = figures.Count > 0 ? sum / figures.Count : 0.0;
        return new ScoreResult(goldDocs.Count, missing, reviewTally.Tp, reviewTally.Fp, reviewTally.Fn, figures, overall, lines);
    }

    /// <summary>score.py's reference normalisation: whitespace collapsed, upper case, leading zeros of numbers dropped.</summary>
    public static string? NormaliseReference(string? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var r = Whitespace().Replace(reference.Trim(), " ").ToUpperInvariant();
        return LeadingZeros().Replace(r, "$1");
    }

    private static List<(string Key, JsonNode Data)> Keyed(IEnumerable<RecordFile> files)
    {
        var docs = new List<(string Key, JsonNode Data)>();
        foreach (var file in files.OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            if (file.Data is not JsonObject data)
            {
                continue;
            }

            var document = Get(data, "document");
            var name = PyValue.Truthy(document) ? PyValue.Str(document) : Path.GetFileNameWithoutExtension(file.FileName);
            var key = Path.GetFileNameWithoutExtension(name);
            var at = docs.FindIndex(d => d.Key == key);
            if (at >= 0)
            {
                docs[at] = (key, data);
            }
            else
            {
                docs.Add((key, data));
            }
        }

        return docs;
    }

    private static string Label(JsonNode review, int index)
    {
        var reference = Get(review, "reference");
        return PyValue.Truthy(reference) ? PyValue.Str(reference) : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Described(JsonNode review)
    {
        var reference = Get(review, "reference");
        if (PyValue.Truthy(reference))
        {
            return PyValue.Repr(PyValue.Scalar(reference));
        }

        var summary = Get(review, "summary");
        var text = PyValue.Truthy(summary) ? PyValue.Str(summary) : "";
        var runes = text.EnumerateRunes().Take(60).Select(r => r.ToString());
        return PyValue.Repr(string.Concat(runes));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b0+(\d)")]
    private static partial Regex LeadingZeros();
}
