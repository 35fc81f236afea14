using System.Globalization;
using Dapper;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Search;

/// <summary>
/// Facet filters as SQL over reviews <c>r</c> and documents <c>d</c>: values of one facet are OR-ed, facets are AND-ed.
/// Values travel as parameters; only facet names (checked against a fixed list) shape the SQL.
/// </summary>
internal static class SearchFilters
{
    /// <summary>Facet name → column of a single-valued facet.</summary>
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Facets.Type] = "r.type",
        [Facets.Year] = "r.year",
        [Facets.Publisher] = "d.publisher",
        [Facets.AgeBand] = "r.age_band",
        [Facets.Sex] = "r.sex",
        [Facets.Outcome] = "r.outcome",
    };

    /// <summary>Facet name → review_labels kind of a many-valued facet (themes use the effective coding instead).</summary>
    public static readonly IReadOnlyDictionary<string, string> LabelKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Facets.Harm] = "harm",
        [Facets.RiskFactor] = "risk",
        [Facets.Agency] = "agency",
    };

    /// <summary>Builds the AND-ed conditions, or returns an error message for an unknown facet or a bad value.</summary>
    public static string? Build(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DynamicParameters parameters, List<string> conditions)
    {
        var n = 0;
        foreach (var (rawFacet, rawValues) in filters)
        {
            var facet = Facets.All.FirstOrDefault(f => string.Equals(f, rawFacet, StringComparison.OrdinalIgnoreCase));
            if (facet is null)
            {
                return $"There is no filter called \u201c{rawFacet}\u201d. Filters are: {string.Join(", ", Facets.All)}.";
            }

            var values = rawValues.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var names = new List<string>();
            var notStated = Columns.ContainsKey(facet) && values.Remove(Facets.NotStated);
            foreach (var value in values)
            {
                var name = $"f{n++}";
                if (facet == Facets.Year)
                {
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                    {
                        return $"\u201c{value}\u201d is not a year. Use a four-digit year such as 2022.";
                    }

                    parameters.Add(name, year);
                }
                else
                {
                    parameters.Add(name, value);
                }

                names.Add("@" + name);
            }

            var list = string.Join(", ", names);
            if (Columns.TryGetValue(facet, out var column))
            {
                conditions.Add((names.Count > 0, notStated) switch
                {
                    (true, true) => $"{column} IN ({list}) OR {column} IS NULL",
                    (false, true) => $"{column} IS NULL",
                    _ => $"{column} IN ({list})",
                });
            }
            else if (LabelKinds.TryGetValue(facet, out var kind))
            {
                conditions.Add($"EXISTS (SELECT 1 FROM review_labels l WHERE l.review_id = r.id AND l.kind = '{kind}' AND l.code IN ({list}))");
            }
            else
            {
                conditions.Add($"EXISTS (SELECT 1 FROM ({Library.SummarySql.EffectiveThemeCodes}) t WHERE t.code IN ({list}))");
            }
        }

        return null;
    }
}
