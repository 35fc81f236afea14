using System.Text.RegularExpressions;
using Lantern.Core.Model;

namespace Lantern.Core.Sensitive;

/// <summary>
/// Finds text in a document that looks like personal data which a published review should not hold: names of family
/// members, dates of birth, full postcodes, street addresses, UK phone numbers, e-mail addresses and NHS numbers.
/// It reports, it does not decide: a public bulletin quoting a partnership's duty-line number is normal, and an editor
/// clears it. Immutable and thread-safe; never throws for any text.
/// </summary>
public sealed partial class SensitiveDataDetector
{
    /// <summary>Text beyond this many characters (default 20 million) is not scanned; a finding says so.</summary>
    public const int MaxTextLength = 20_000_000;

    /// <summary>The shared detector.</summary>
    public static SensitiveDataDetector Default { get; } = new();

    /// <summary>Every finding in <paramref name="text"/>, ordered by start offset; spans index into the text given.</summary>
    public IReadOnlyList<SensitiveFinding> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var findings = new List<SensitiveFinding>();
        try
        {
            findings.AddRange(FamilyNames.Find(text));
            Add(findings, SensitiveKind.DateOfBirth, DateOfBirth().Matches(text));
            Add(findings, SensitiveKind.Postcode, Postcode().Matches(text));
            Add(findings, SensitiveKind.StreetAddress, StreetAddress().Matches(text));
            Add(findings, SensitiveKind.Email, Email().Matches(text));
            foreach (Match m in Phone().Matches(text))
            {
                if (IsUkPhone(m.Value))
                {
                    findings.Add(new SensitiveFinding(SensitiveKind.PhoneNumber, new SourceSpan(m.Index, m.Length)));
                }
            }

            foreach (Match m in TenDigits().Matches(text))
            {
                if (NhsNumber.IsValid(m.Value))
                {
                    findings.Add(new SensitiveFinding(SensitiveKind.NhsNumber, new SourceSpan(m.Index, m.Length)));
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text: report what was found before the time ran out rather than nothing.
        }

        return [.. findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Kind)];
    }

    private static void Add(List<SensitiveFinding> findings, SensitiveKind kind, MatchCollection matches)
    {
        foreach (Match m in matches)
        {
            findings.Add(new SensitiveFinding(kind, new SourceSpan(m.Index, m.Length)));
        }
    }

    // National numbers are 10 or 11 digits starting 0 and then 1, 2, 3, 5, 7, 8 or 9; +44 drops the 0.
    private static bool IsUkPhone(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        if (value.TrimStart().StartsWith('+'))
        {
            digits = digits[2..];
            if (digits.StartsWith('0'))
            {
                digits = digits[1..];
            }

            digits = "0" + digits;
        }

        return digits.Length is 10 or 11 && digits[0] == '0' && "1235789".Contains(digits[1], StringComparison.Ordinal);
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = 2000;

    private const string Months = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    // The cue counts only with a date after it: "the child's date of birth was not recorded" is not personal data.
    [GeneratedRegex(
        @"(?i:\bD\.?O\.?B\b\.?|\bdate\s+of\s+birth\b|\bborn\s+on\b)[\s:\-]{0,4}(?:the\s+)?(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b|\d{1,2}(?:st|nd|rd|th)?\s+(?i:" + Months + @")\.?,?\s+\d{4}\b|(?i:" + Months + @")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b)",
        Options, TimeoutMs)]
    private static partial Regex DateOfBirth();

    // Upper case only: postcodes are printed that way, and lower case would match ordinary words and codes.
    [GeneratedRegex(@"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b", Options, TimeoutMs)]
    private static partial Regex Postcode();

    // One to three digits (four-digit numbers are years), an optional letter, then one to three capitalised words.
    [GeneratedRegex(
        @"\b[1-9][0-9]{0,2}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Grove|Place|Terrace|Gardens|Court|Square|Walk|Row|Mews|Parade|Rise|View)\b",
        Options, TimeoutMs)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}\b", Options, TimeoutMs)]
    private static partial Regex Email();

    [GeneratedRegex(
        @"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?\d{2,4}|0\d{2,4}|\(0\d{2,4}\))[\s\-]?\d{3,4}[\s\-]?\d{3,4}(?![\d])",
        Options, TimeoutMs)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<![\d\-])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d\-])", Options, TimeoutMs)]
    private static partial Regex TenDigits();
}
