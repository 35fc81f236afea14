using System.Text.RegularExpressions;

namespace Lantern.Core.Segmentation;

/// <summary>Recognises the lines that open a review: codes, case labels, repository entries and type headings.</summary>
public static partial class ReviewLabelParser
{
    private static readonly HashSet<string> NotCodeLetters = new(StringComparer.Ordinal)
    {
        "PAGE", "ISSUE", "NO", "VOL", "PART", "AGE", "AGED", "STEP", "TIER", "LEVEL", "KS", "COVID", "NHS", "YEAR", "TOP",
        "Q", "PHASE", "ROUND", "WEEK", "DAY", "S", "P", "PP", "A", "I", "UK", "ACT", "SECT", "FIG", "TABLE", "APP", "ED",
        "CIN", "LAC", "EHCP", "ADHD", "PPE",
    };

    // Short words that only look like a code when printed apart from a number ("IN 2019", "AT 3"); "IN14" is a code.
    private static readonly HashSet<string> SpacedWords = new(StringComparer.Ordinal)
    {
        "AM", "PM", "IT", "OF", "IN", "TO", "BY", "ON", "AT", "THE", "AND", "OR", "FOR", "WITH", "FROM",
    };

    private static readonly HashSet<string> TypeAcronyms = new(StringComparer.Ordinal) { "SCR", "SILP", "LCSPR", "CSPR", "LSCPR", "CPR", "LR" };

    /// <summary>Parses a line; returns null when it does not open a review. Never throws.</summary>
    public static ReviewLabel? Parse(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        if (plain.Length == 0 || plain.Length > 400 || plain.EndsWith('?'))
        {
            return null;
        }

        return ParseCaseWord(plain) ?? ParseRepositoryEntry(plain) ?? ParseCode(plain) ?? ParseStory(plain) ?? ParseTypeHeading(plain);
    }

    /// <summary>True when a line is short and shaped like a heading (no sentence punctuation at its end).</summary>
    public static bool IsHeadingShaped(string plain, int maxWords = 12)
    {
        ArgumentNullException.ThrowIfNull(plain);
        if (plain.Length == 0 || plain.Length > 120)
        {
            return false;
        }

        // The words are counted as Split(' ', RemoveEmptyEntries) would count them, without building the pieces, and last.
        var last = plain[^1];
        return last is not ('.' or ',' or ';') && !char.IsLower(plain[0]) && !SectionVocabulary.IsQuotation(plain) && !TextBlock.HasMoreWordsThan(plain, maxWords);
    }

    // CaseWordLabel's label word, which every match holds exactly as written (the pattern is case-sensitive there):
    // a line holding none of these cannot match, and most lines hold none.
    private static readonly System.Buffers.SearchValues<string> CaseWords = System.Buffers.SearchValues.Create(
        ["Case", "CASE", "Review", "Family", "FAMILY", "Child", "CHILD", "Sibling", "Baby", "BABY", "Young Person", "Infant"],
        StringComparison.Ordinal);

    private static ReviewLabel? ParseCaseWord(string plain)
    {
        if (!plain.AsSpan().ContainsAny(CaseWords))
        {
            return null;
        }

        var m = CaseWordLabel().Match(plain);
        if (!m.Success)
        {
            return null;
        }

        var word = m.Groups["word"].Value;
        var id = m.Groups["id"];
        var labelStart = m.Groups["word"].Index;
        var labelLength = id.Index + id.Length - labelStart;
        var label = TextBlock.Collapse(plain.Substring(labelStart, labelLength));
        var isChild = ChildWord().IsMatch(word);
        var restAt = RestStart(plain, m.Index + m.Length);
        string? name = isChild ? label : null;
        var nameAt = isChild ? (labelStart, labelLength) : (0, 0);
        if (word.StartsWith("Children", StringComparison.OrdinalIgnoreCase) || word.StartsWith("Siblings", StringComparison.OrdinalIgnoreCase))
        {
            name = null;
        }

        var quoted = QuotedName(plain, m.Index + m.Length);
        if (quoted is { } q)
        {
            name = plain.Substring(q.Start, q.Length);
            nameAt = q;
            restAt = RestStart(plain, q.Start + q.Length + 1);
        }

        if (name is null && !isChild && ChildName().Match(plain, m.Index + m.Length) is { Success: true } child && child.Index - (m.Index + m.Length) <= 4)
        {
            // "Case 4 – Child A": the reference, then the child's pseudonym.
            name = child.Value;
            nameAt = (child.Index, child.Length);
            restAt = RestStart(plain, child.Index + child.Length);
        }

        // A rest that only names the kind of review or its year ("– Learning Review (2021)") describes nothing.
        if (restAt >= 0 && OnlyTypeAndYear().IsMatch(plain[restAt..]))
        {
            restAt = -1;
        }

        var year = YearIn(restAt < 0 || IsHeadingShaped(plain) ? plain : plain[..restAt]);
        return new ReviewLabel(isChild ? null : label, isChild ? (0, 0) : (labelStart, labelLength), name, nameAt, year, restAt);
    }

    private static ReviewLabel? ParseRepositoryEntry(string plain)
    {
        var m = RepositoryEntry().Match(plain);
        if (!m.Success || plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 20)
        {
            return null;
        }

        var title = m.Groups["title"];
        var inner = ParseCaseWord(title.Value);
        var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (inner is null)
        {
            return new ReviewLabel(null, (0, 0), null, (0, 0), year, -1);
        }

        return inner with
        {
            ReferenceAt = (inner.ReferenceAt.Start + title.Index, inner.ReferenceAt.Length),
            NameAt = (inner.NameAt.Start + title.Index, inner.NameAt.Length),
            Year = year,
            RestAt = inner.RestAt < 0 ? -1 : inner.RestAt + title.Index,
        };
    }

    private static ReviewLabel? ParseCode(string plain)
    {
        // Every code holds a digit (\d: any Unicode decimal digit); most lines hold none.
        if (!plain.AsSpan().ContainsAnyInRange('0', '9') && (System.Text.Ascii.IsValid(plain) || !plain.Any(char.IsDigit)))
        {
            return null;
        }

        foreach (Match m in Code().Matches(plain))
        {
            var letters = m.Groups["letters"].Value;
            var number = m.Groups["number"].Value;
            var isYearCode = m.Groups["ycode"].Success;
            if (isYearCode && !TypeWords().IsMatch(plain[..m.Index]))
            {
                continue;
            }

            var spaced = m.Groups["digits"].Index > m.Groups["letters"].Index + letters.Length;
            var yearFirst = number.Length == 4 && m.Groups["second"].Success && IsYear(number);
            if (!isYearCode && (NotCodeLetters.Contains(letters) || (spaced && SpacedWords.Contains(letters)) || (number.Length > 3 && !yearFirst)))
            {
                continue;
            }

            // A code opens a review when the line is a heading, or when the code leads the line before a dash.
            var leads = m.Index <= 2 || TypeWords().IsMatch(plain[..m.Index].Trim());
            var after = plain[(m.Index + m.Length)..];
            if (!ReviewLabelParser.IsHeadingShaped(plain, 14) && !(leads && LeadingSeparator().IsMatch(after)))
            {
                continue;
            }

            var start = m.Index;
            var length = m.Length;
            if (!isYearCode && TypeAcronyms.Contains(letters))
            {
                var digits = m.Groups["digits"];
                start = digits.Index;
                length = m.Index + m.Length - start;
            }

            var reference = TextBlock.Collapse(plain.Substring(start, length));
            int? year = CodeYear(m) ?? YearIn(plain);
            string? name = null;
            (int, int) nameAt = (0, 0);
            var quoted = QuotedName(plain, m.Index + m.Length);
            var restFrom = m.Index + m.Length;
            if (quoted is { } q)
            {
                name = plain.Substring(q.Start, q.Length);
                nameAt = q;
                restFrom = q.Start + q.Length + 1;
            }
            else if (ChildName().Match(plain) is { Success: true } c)
            {
                name = c.Value;
                nameAt = (c.Index, c.Length);
                restFrom = Math.Max(restFrom, c.Index + c.Length);
            }

            return new ReviewLabel(reference, (start, length), name, nameAt, year, RestStart(plain, restFrom));
        }

        return null;
    }

    // Whether the line holds "'s " or "’s ": each apostrophe found (a vectorised search) is checked for "s " after it.
    private static bool HasPossessive(string plain)
    {
        var rest = plain.AsSpan();
        for (var at = rest.IndexOfAny('\'', '’'); at >= 0; at = rest.IndexOfAny('\'', '’'))
        {
            if (rest[(at + 1)..].StartsWith("s ", StringComparison.Ordinal))
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }

        return false;
    }

    // "Jack's story", "Amira's Review": a heading that names the child.
    private static ReviewLabel? ParseStory(string plain)
    {
        // Every match holds "'s " or "’s " (the name's possessive); most lines hold neither.
        if (!HasPossessive(plain))
        {
            return null;
        }

        var m = Story().Match(plain);
        return m.Success ? new ReviewLabel(null, (0, 0), m.Groups["name"].Value, (m.Groups["name"].Index, m.Groups["name"].Length), YearIn(plain), -1) : null;
    }

    private static ReviewLabel? ParseTypeHeading(string plain)
    {
        if (!IsHeadingShaped(plain) || !TypeWords().IsMatch(plain) || PluralOrPanel().IsMatch(plain) || SectionVocabulary.ClassifyHeading(plain) is not null)
        {
            return null;
        }

        var child = ChildName().Match(plain);
        if (!child.Success && QuotedNamePattern().Match(plain) is { Success: true } quoted)
        {
            var g = quoted.Groups["name"];
            return new ReviewLabel(null, (0, 0), g.Value, (g.Index, g.Length), YearIn(plain), -1, IsTypeHeading: true);
        }

        return new ReviewLabel(null, (0, 0), child.Success ? child.Value : null, child.Success ? (child.Index, child.Length) : (0, 0), YearIn(plain), -1, IsTypeHeading: true);
    }

    private static int? CodeYear(Match m)
    {
        if (m.Groups["ycode"].Success)
        {
            return int.Parse(m.Groups["y4"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        // "SCR 2019/01", "RR/2021/07": a four-digit year leads.
        var number = m.Groups["number"].Value;
        if (number.Length == 4 && IsYear(number) && m.Groups["second"].Success)
        {
            return int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        }

        // "RR 1/22": the number after the slash is the year; "GN13" or "KP17" alone are not years.
        var second = m.Groups["second"];
        if (second.Success && m.Groups["sep"].Value == "/")
        {
            var v = int.Parse(second.Value, System.Globalization.CultureInfo.InvariantCulture);
            return second.Value.Length == 4 ? v : second.Value.Length == 2 ? 2000 + v : null;
        }

        return null;
    }

    private static bool IsYear(string digits) => FourDigitYear().IsMatch(digits);

    private static int? YearIn(string text)
    {
        var years = FourDigitYear().Matches(text).Select(x => x.Value).Distinct().ToList();
        return years.Count == 1 ? int.Parse(years[0], System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static (int Start, int Length)? QuotedName(string plain, int from)
    {
        var m = QuotedNamePattern().Match(plain, Math.Min(from, plain.Length));
        return m.Success && m.Index - from <= 3 ? (m.Groups["name"].Index, m.Groups["name"].Length) : null;
    }

    private static int RestStart(string plain, int from)
    {
        if (from >= plain.Length)
        {
            return -1;
        }

        var m = RestSeparator().Match(plain, from);
        if (!m.Success || m.Index != from)
        {
            return -1;
        }

        var at = m.Index + m.Length;
        return at < plain.Length ? at : -1;
    }

    [GeneratedRegex(@"^(?:(?:[\w&’' ,-]{0,60}?(?i:review|briefing|bulletin|scr|silp|lcspr|cspr))\s*[:–—-]?\s*|(?!(?:Case|CASE|Review|Family|FAMILY)\s+\w{1,3}\b)(?:[\w&’',]+ ){0,5}[\w&’',]+\s*[:–—-]\s*)?(?<word>Case(?: [Ss]tudy)?|CASE(?: STUDY)?|Review|Family|FAMILY|Child|CHILD|Children|Siblings|Baby|BABY|Young Person|Infant|Sibling Group|Learning Review)\s+(?<id>\d{1,3}|[A-Z]{1,3}\d{0,2}(?:,? (?:and |& )?[A-Z](?=\W|$))*)(?=$|\s*[:—–\-(“""'‘’)]|\s*$)", RegexOptions.None)]
    private static partial Regex CaseWordLabel();

    [GeneratedRegex(@"^[\s(\[,;:–—-]*(?:(?:local |child |safeguarding |practice |serious |case |rapid |learning |significant |incident |process |multi-agency )*(?:review|scr|silp|lcspr|cspr|lscpr)|(?:19|20)\d\d|published|completed|(?:(?:7|seven)[- ]minute |learning |practice |case )?(?:brief|briefing|bulletin|summary|note)|learning|[\s(),;:–—-])*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyTypeAndYear();

    [GeneratedRegex(@"^(?:[\w ]{0,40}[:–—-]\s*)?(?<name>[A-Z][a-z]{1,15})['’]s (?:[Ss]tory|[Rr]eview|[Cc]ase|[Ll]ived [Ee]xperience)(?:\s*[(:–—-].{0,40})?$")]
    private static partial Regex Story();

    [GeneratedRegex(@"^(?:Child|CHILD|Baby|BABY|Young Person|Infant)$")]
    private static partial Regex ChildWord();

    [GeneratedRegex(@"\b(?:Child|Baby|Young Person|Infant) [A-Z]{1,2}\b(?![’'][a-z])")]
    private static partial Regex ChildName();

    [GeneratedRegex(@"^(?<year>(?:19|20)\d\d)\s*[–—-]\s*(?<pub>[^–—]+?)\s+[–—-]\s*(?<title>.+)$")]
    private static partial Regex RepositoryEntry();

    [GeneratedRegex(@"(?<![\w/])(?:(?<ycode>(?<y4>(?:19|20)\d\d)/\d{1,3})|(?<letters>[A-Z]{1,5})[ /]?(?<digits>(?<number>\d{1,4})(?:(?<sep>[/-])(?<second>\d{1,4}))?))(?![\w/])")]
    private static partial Regex Code();

    [GeneratedRegex(@"\b(?:serious case review|scr|silp|significant incident learning process|rapid review|lcspr|cspr|lscpr|(?:local )?child safeguarding practice review|child practice review|learning review|practice review|case review|multi-agency (?:case|practice) review)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWords();

    [GeneratedRegex(@"\breviews\b|\bpanel\b|\bscrs\b|\bsilps\b|\bcsprs\b|\blcsprs\b|\bwhat is\b|\babout\b|\bprocess\b|\bguidance\b|\bprocedures?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PluralOrPanel();

    [GeneratedRegex(@"\b(?:19[5-9]\d|20[0-4]\d)\b")]
    private static partial Regex FourDigitYear();

    [GeneratedRegex(@"\s*[:–—-]?\s*[""“'‘](?<name>[A-Z][\w’' -]{0,30}?)[""”'’]")]
    private static partial Regex QuotedNamePattern();

    [GeneratedRegex(@"\s*(?:[:—–-]+|\s)\s*")]
    private static partial Regex RestSeparator();

    [GeneratedRegex(@"^\s*[:—–-]")]
    private static partial Regex LeadingSeparator();
}
