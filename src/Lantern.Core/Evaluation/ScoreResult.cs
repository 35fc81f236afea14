using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lantern.Core.Evaluation;

/// <summary>A gold or predicted record file: its file name and its parsed JSON (null when it could not be read).</summary>
public sealed record RecordFile(string FileName, JsonNode? Data)
{
    /// <summary>
    /// Reads every <c>*.json</c> in a folder, in name order. Files that are not JSON are reported on
    /// <paramref name="warnings"/> ("warning: NAME: not readable JSON (…)") and skipped.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<RecordFile> LoadFolder(string folder, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(warnings);
        var files = new List<RecordFile>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                files.Add(new RecordFile(Path.GetFileName(path), JsonNode.Parse(File.ReadAllText(path))));
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                warnings.WriteLine($"warning: {Path.GetFileName(path)}: not readable JSON ({ex.Message})");
            }
        }

        return files;
    }
}

/// <summary>What the scorer measured, and the lines score.py prints for it.</summary>
/// <param name="Documents">Number of gold documents.</param>
/// <param name="MissingPredictions">Keys of gold documents with no prediction.</param>
/// <param name="Tp">Paired reviews.</param>
/// <param name="Fp">Predicted reviews paired with no gold review.</param>
/// <param name="Fn">Gold reviews paired with no prediction.</param>
/// <param name="Figures">Every F1 and accuracy figure, in score.py's order (values 0–1).</param>
/// <param name="Score">The mean of the figures (0–1).</param>
/// <param name="Disagreements">The verbose listing (empty unless asked for).</param>
public sealed record ScoreResult(
    int Documents,
    IReadOnlyList<string> MissingPredictions,
    int Tp,
    int Fp,
    int Fn,
    IReadOnlyList<KeyValuePair<string, double>> Figures,
    double Score,
    IReadOnlyList<string> Disagreements)
{
    /// <summary>The lines score.py prints without --json, ending with <c>score: X</c>.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var line in Disagreements)
        {
            yield return line;
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"documents: {Documents}  reviews tp/fp/fn: {Tp}/{Fp}/{Fn}");
        if (MissingPredictions.Count > 0)
        {
            yield return "no prediction for: " + string.Join(", ", MissingPredictions);
        }

        foreach (var (name, value) in Figures)
        {
            yield return $"{name,-28} {PyValue.Fixed3(value)}";
        }

        yield return $"score: {PyValue.Fixed3(Score)}";
    }
}

internal sealed class Tally
{
    public int Tp { get; private set; }
    public int Fp { get; private set; }
    public int Fn { get; private set; }

    public void Add(int tp, int fp, int fn)
    {
        Tp += tp;
        Fp += fp;
        Fn += fn;
    }

    public (double P, double R, double F)? Prf()
    {
        if (Tp + Fp + Fn == 0)
        {
            return null;
        }

        var p = Tp + Fp > 0 ? Tp / (double)(Tp + Fp) : 0.0;
        var r = Tp + Fn > 0 ? Tp / (double)(Tp + Fn) : 0.0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return (p, r, f);
    }
}
