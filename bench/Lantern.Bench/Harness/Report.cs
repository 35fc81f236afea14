using System.Globalization;
using System.Text;

namespace Lantern.Bench.Harness;

/// <summary>Collects tables, target checks and notes, prints them as they come, and writes results.md.</summary>
internal sealed class Report
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Target, string Measured, bool? Met)> _targets = [];
    private readonly List<string> _notes = [];

    public Dictionary<string, double> Metrics { get; } = new(StringComparer.Ordinal);

    public void Table(string title, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append("### ").Append(title).Append("\n\n| ").Append(string.Join(" | ", headers)).Append(" |\n|")
            .Append(string.Concat(headers.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        sb.Append('\n');
        _body.Append(sb);
        Console.WriteLine(sb.ToString());
    }

    public void Target(string target, string measured, bool? met)
    {
        _targets.Add((target, measured, met));
        Console.WriteLine($"target: {target}: {measured} → {(met is null ? "not measured" : met.Value ? "met" : "MISSED")}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("note: " + note);
    }

    public void Metric(string name, double value) => Metrics[name] = value;

    public string Render(string commandLine, DateTimeOffset when, TimeSpan took)
    {
        var sb = new StringBuilder("# Lantern benchmark results\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"- Date: {when:yyyy-MM-dd HH:mm} UTC (run took {took.TotalMinutes:F1} min)\n");
        sb.Append("- Machine: ").Append(Machine.Describe()).Append('\n');
        sb.Append("- Command: `").Append(commandLine).Append("`\n\n");
        sb.Append("## Targets\n\n| target | measured | verdict |\n| --- | --- | --- |\n");
        foreach (var (target, measured, met) in _targets)
        {
            sb.Append("| ").Append(target).Append(" | ").Append(measured).Append(" | ")
                .Append(met is null ? "not measured" : met.Value ? "met" : "**missed**").Append(" |\n");
        }

        sb.Append("\n## Figures\n\n").Append(_body);
        if (_notes.Count > 0)
        {
            sb.Append("## Notes\n\n");
            foreach (var n in _notes)
            {
                sb.Append("- ").Append(n).Append('\n');
            }
        }

        return sb.ToString();
    }
}
