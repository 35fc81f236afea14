using System.Text.Json;

namespace Lantern.Core.Coding;

/// <summary>Typed reads of JSON properties that record a problem (with its field path) instead of throwing.</summary>
internal static partial class CodebookReader
{
    private static string? String(JsonElement element, string name, string path, List<string> errors, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"{path}: missing");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}: expected a string");
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: empty");
        }

        return text;
    }

    private static double? Number(JsonElement element, string name, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{path}: expected a number");
            return null;
        }

        return value.GetDouble();
    }

    private static List<string> Strings(JsonElement element, string name, string path, List<string> errors)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{path}: expected an array of strings");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                errors.Add($"{path}[{i}]: expected a non-empty string");
            }
            else
            {
                list.Add(item.GetString()!);
            }

            i++;
        }

        return list;
    }
}
