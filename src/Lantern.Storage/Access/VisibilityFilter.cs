using Lantern.Core.Model;

namespace Lantern.Storage.Access;

/// <summary>
/// The one place that decides which documents a viewer may see. Every read path of the library (search hits,
/// snippets, facet counts, totals, overview, get, find, more-like-this, originals, exports, lists) joins the
/// <c>documents</c> table under an alias and adds <see cref="Condition"/>, so restricted material is neither
/// returned nor counted for someone without the right.
/// </summary>
internal static class VisibilityFilter
{
    /// <summary>A SQL condition on the documents alias <paramref name="documentAlias"/> (no user input is interpolated).</summary>
    public static string Condition(Viewer viewer, string documentAlias = "d")
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.CanSeeRestricted
            ? "1 = 1"
            : $"{documentAlias}.visibility = {(int)Visibility.Public}";
    }
}
