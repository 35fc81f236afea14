using System.Text;
using Lantern.Core.Model;
using Lantern.Core.Normalisation;

namespace Lantern.Core.Tests.Normalisation;

/// <summary>
/// The whitespace pass writes its result in one pass; it must give what the line-by-line reading of its rules gives
/// (split at line breaks with each form feed on a line of its own, collapse each line, join with single line breaks
/// and at most one blank line, never a blank line next to a form feed).
/// </summary>
public class WhitespaceNormaliserEquivalenceTests
{
    private static string LineByLine(string text)
    {
        var sb = new StringBuilder();
        var pendingBlank = false;
        foreach (var raw in text.Replace("\f", "\n\f\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = new StringBuilder();
            var space = false;
            foreach (var c in raw)
            {
                if (c is ' ' or '\t' or '\v' || (c != '\f' && char.IsWhiteSpace(c)))
                {
                    space = line.Length > 0;
                    continue;
                }

                if (space)
                {
                    line.Append(' ');
                    space = false;
                }

                line.Append(c);
            }

            if (line.Length == 0)
            {
                pendingBlank = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(pendingBlank && line.ToString() != "\f" && sb[^1] != '\f' ? "\n\n" : "\n");
            }

            pendingBlank = false;
            sb.Append(line);
        }

        return sb.ToString();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  a  b \t c  \n\n\n  d \n")]
    [InlineData("a\fb")]
    [InlineData("a\n\n\f\n\nb")]
    [InlineData("\f\f\n\fx\f")]
    [InlineData("one\r\ntwo\u00a0 three\u2003\n \n \nfour\v")]
    [InlineData("\n\n  lead\n\ntrail  \n\n")]
    public void Normalise_AnyText_EqualsTheLineByLineReading(string text)
    {
        new WhitespaceNormaliser().Normalise(text, new List<Diagnostic>()).ShouldBe(LineByLine(text));
    }

    [Fact]
    public void Normalise_SampleAndLoadingFiles_EqualsTheLineByLineReading()
    {
        var random = new Random(7);
        foreach (var file in Directory.GetFiles(RepoPaths.Samples).Concat(Directory.GetFiles(Path.Combine(RepoPaths.TestData, "golden"))).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            new WhitespaceNormaliser().Normalise(text, new List<Diagnostic>()).ShouldBe(LineByLine(text), file);

            // The same text with form feeds, tabs and runs of blank lines scattered through it.
            var noisy = new StringBuilder();
            foreach (var c in text)
            {
                noisy.Append(c);
                if (random.Next(40) == 0)
                {
                    noisy.Append(random.Next(4) switch { 0 => "\f", 1 => "\t \t", 2 => "\n \n\n", _ => "\u00a0" });
                }
            }

            var s = noisy.ToString();
            new WhitespaceNormaliser().Normalise(s, new List<Diagnostic>()).ShouldBe(LineByLine(s), file);
        }
    }
}
