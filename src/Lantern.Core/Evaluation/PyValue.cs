using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lantern.Core.Evaluation;

/// <summary>
/// JSON values compared and printed the way the reference scorer (Python) does: <c>2022 == 2022.0</c>,
/// <c>repr</c> quoting for the verbose listing, and <c>{:.3f}</c> rounding (half to even on the exact binary value).
/// </summary>
internal static class PyValue
{
    public static bool IsNone(JsonNode? node) => node is null || (node is JsonValue v && v.GetValueKind() == JsonValueKind.Null);

    /// <summary>Python truthiness of a JSON value.</summary>
    public static bool Truthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonValueKind.Number => v.GetValue<double>() != 0,
            JsonValueKind.True => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>Python <c>str()</c> of a value.</summary>
    public static string Str(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => Repr(node),
    };

    /// <summary>Python <c>==</c> between two scalar values.</summary>
    public static bool Equal(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (Number(a) is { } x && Number(b) is { } y)
        {
            return x == y;
        }

        return a is string sa && b is string sb ? string.Equals(sa, sb, StringComparison.Ordinal) : Equals(a, b);
    }

    /// <summary>A scalar JSON value as a plain object: null, string, bool, long or double; anything else stays a node.</summary>
    public static object? Scalar(JsonNode? node)
    {
        if (IsNone(node))
        {
            return null;
        }

        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.String: return v.GetValue<string>();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number:
                    var raw = v.ToJsonString();
                    return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l : v.GetValue<double>();
            }
        }

        return node;
    }

    public static string Repr(object? value) => value switch
    {
        null => "None",
        string s => ReprString(s),
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => ReprDouble(d),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(ReprString)) + "]",
        JsonNode n when Scalar(n) is not JsonNode => Repr(Scalar(n)),
        JsonArray a => "[" + string.Join(", ", a.Select(x => Repr(x))) + "]",
        JsonObject o => "{" + string.Join(", ", o.Select(kv => ReprString(kv.Key) + ": " + Repr(kv.Value))) + "}",
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>format(value, ".3f")</c>.</summary>
    public static string Fixed3(double value)
    {
        var exact = value.ToString("F20", CultureInfo.InvariantCulture);
        var dot = exact.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && exact.Length > dot + 4 && exact[dot + 4] == '5' && exact[(dot + 5)..].All(c => c == '0'))
        {
            // An exact tie: Python rounds half to even where .NET rounds away from zero.
            var truncated = decimal.Parse(exact[..(dot + 4)], CultureInfo.InvariantCulture);
            var lastDigit = exact[dot + 3] - '0';
            var rounded = lastDigit % 2 == 0 ? truncated : truncated + (value < 0 ? -0.001m : 0.001m);
            return rounded.ToString("F3", CultureInfo.InvariantCulture);
        }

        return value.ToString("F3", CultureInfo.InvariantCulture);
    }

    private static double? Number(object value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private static string ReprDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s.Replace("E", "e", StringComparison.Ordinal) : s + ".0";
    }

    private static string ReprString(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == '\\' || c == quote)
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (!Printable(rune))
            {
                sb.Append(c <= 0xff ? $"\\x{c:x2}" : c <= 0xffff ? $"\\u{c:x4}" : $"\\U{c:x8}");
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.Append(quote).ToString();
    }

    private static bool Printable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }
}
