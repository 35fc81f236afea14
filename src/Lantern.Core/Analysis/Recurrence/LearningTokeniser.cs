using System.Text;

namespace Lantern.Core.Analysis.Recurrence;

/// <summary>
/// Turns a learning point into the terms similarity is measured on: lower-cased words with the field's acronyms
/// spelled out (CP, CSC, DA, LAC, CSE…), function words and the field's filler ("the need to ensure that
/// professionals…") dropped, a light suffix stem so <c>share</c>, <c>shared</c> and <c>sharing</c> meet, and
/// unordered pairs of neighbouring words so "information sharing" and "share information" are one term.
/// </summary>
public static class LearningTokeniser
{
    // Acronyms and short forms of the field, spelled out so that "CP plan" meets "child protection plan".
    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["cp"] = ["child", "protection"],
        ["cpp"] = ["child", "protection", "plan"],
        ["cpps"] = ["child", "protection", "plan"],
        ["csc"] = ["children", "social", "care"],
        ["da"] = ["domestic", "abuse"],
        ["dv"] = ["domestic", "abuse"],
        ["violence"] = ["abuse"],
        ["lac"] = ["looked", "after"],
        ["cla"] = ["looked", "after"],
        ["cse"] = ["sexual", "exploitation"],
        ["cce"] = ["criminal", "exploitation"],
        ["sudi"] = ["sudden", "unexpected", "death", "infancy"],
        ["hv"] = ["health", "visitor"],
        ["hvs"] = ["health", "visitor"],
        ["info"] = ["information"],
        ["comms"] = ["communication"],
        ["sw"] = ["social", "worker"],
        ["iro"] = ["independent", "reviewing", "officer"],
        ["iros"] = ["independent", "reviewing", "officer"],
        ["ed"] = ["emergency", "department"],
        ["a&e"] = ["emergency", "department"],
        ["coordinated"] = ["co", "ordinated"],
        ["coordinate"] = ["co", "ordinate"],
        ["multiagency"] = ["multi", "agency"],
        ["babies"] = ["baby"],
        ["infant"] = ["baby"],
        ["infants"] = ["baby"],
        ["newborn"] = ["baby"],
        ["centred"] = ["centered"],
    };

    // Function words and the framing every learning point shares, which say nothing about its message.
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there", "their", "they", "them",
        "which", "who", "whom", "what", "when", "where", "how", "why", "if", "so", "than", "then", "not", "no", "into",
        "about", "between", "such", "any", "all", "each", "other", "also", "has", "have", "had", "do", "does", "did", "can",
        "could", "should", "would", "must", "will", "may", "might", "shall", "you", "your", "we", "our", "us", "he", "she",
        "his", "her", "i", "e", "g", "eg", "ie", "etc", "need", "needs", "needed", "ensure", "ensuring", "importance",
        "important", "importantly", "able", "professionals", "professional", "practitioners", "practitioner", "staff",
        "workers", "learning", "review", "identified", "including", "include", "includes", "particular", "particularly",
        "where", "within", "whether", "more", "most", "very", "well", "make", "made", "given", "take", "taken", "place",
        "both", "only", "even", "over", "under", "through", "via", "per",
    };

    /// <summary>The content words of <paramref name="text"/>, folded and stemmed, in order. Never throws; null gives none.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019')
            {
                // "children's" is "childrens": drop the apostrophe, keep the word whole.
                continue;
            }
            else
            {
                Flush(current, words);
            }
        }

        Flush(current, words);
        return words;
    }

    /// <summary>
    /// The terms of <paramref name="text"/>: its distinct content words, and each unordered pair of neighbouring
    /// content words written <c>a|b</c> with the words in ordinal order.
    /// </summary>
    public static IReadOnlyCollection<string> Terms(string? text)
    {
        var words = Words(text);
        var terms = new HashSet<string>(words, StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++)
        {
            var (a, b) = string.CompareOrdinal(words[i - 1], words[i]) <= 0 ? (words[i - 1], words[i]) : (words[i], words[i - 1]);
            if (a != b)
            {
                terms.Add(a + "|" + b);
            }
        }

        return terms;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0)
        {
            return;
        }

        var word = current.ToString();
        current.Clear();
        if (Expansions.TryGetValue(word, out var expansion))
        {
            foreach (var part in expansion)
            {
                AddWord(part, words);
            }

            return;
        }

        AddWord(word, words);
    }

    private static void AddWord(string word, List<string> words)
    {
        if (Stop.Contains(word) || (word.Length < 2 && !char.IsDigit(word[0])) || word.All(char.IsDigit))
        {
            return;
        }

        words.Add(Stem(word));
    }

    /// <summary>A light suffix stem: enough to meet inflections (shares, shared, sharing → shar), never a dictionary form.</summary>
    internal static string Stem(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 4 && w.EndsWith("es", StringComparison.Ordinal) && !w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 6 && w.EndsWith("ion", StringComparison.Ordinal))
        {
            w = w[..^3];
        }
        else if (w.Length > 6 && w.EndsWith("ly", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('e'))
        {
            w = w[..^1];
        }

        return w;
    }
}
