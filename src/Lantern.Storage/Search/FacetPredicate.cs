using System.Globalization;
using Lantern.Storage.Abstractions;

namespace Lantern.Storage.Search;

/// <summary>
/// The facet filters of a request, tested against a <see cref="FacetIndex"/> with exactly the meaning of
/// <see cref="SearchFilters.Build"/>: values of one facet OR-ed, facets AND-ed, <c>not-stated</c> for single-valued
/// facets. The filters must already have passed <see cref="SearchFilters.Build"/> (which reports bad names and values).
/// </summary>
internal sealed class FacetPredicate
{
    private readonly List<Func<int, bool>> _tests;

    private FacetPredicate(List<Func<int, bool>> tests) => _tests = tests;

    public bool IsEmpty => _tests.Count == 0;

    public bool Matches(int slot)
    {
        foreach (var test in _tests)
        {
            if (!test(slot))
            {
                return false;
            }
        }

        return true;
    }

    public static FacetPredicate For(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, FacetIndex index)
    {
        var tests = new List<Func<int, bool>>();
        foreach (var (rawFacet, rawValues) in filters)
        {
            var facet = Facets.All.First(f => string.Equals(f, rawFacet, StringComparison.OrdinalIgnoreCase));
            var values = rawValues.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            if (SearchFilters.Columns.ContainsKey(facet))
            {
                var notStated = values.Remove(Facets.NotStated);
                if (facet == Facets.Year)
                {
                    values = [.. values.Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))];
                }

                var numbers = values.Select(v => index.SingleNumber(facet, v)).OfType<int>().ToHashSet();
                tests.Add(slot => index.SingleIs(facet, slot, numbers, notStated));
            }
            else
            {
                var numbers = index.MultiNumbers(facet, values);
                tests.Add(slot => index.MultiHasAny(facet, slot, numbers));
            }
        }

        return new FacetPredicate(tests);
    }
}
