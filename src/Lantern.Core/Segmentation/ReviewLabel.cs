namespace Lantern.Core.Segmentation;

/// <summary>
/// What a review's label line says: its reference (<c>GN13</c>, <c>RR 1/22</c>, <c>Case 1</c>, <c>Family M</c>),
/// the child's pseudonym (<c>Child LR</c>, <c>Tom</c>), the type words printed with it, a year, and the description
/// that follows the label on the same line. Offsets are relative to the line's plain text.
/// </summary>
/// <param name="Reference">The reference without type words, or null.</param>
/// <param name="ReferenceAt">Where the reference stands in the line (start, length).</param>
/// <param name="Name">The child's pseudonym, or null.</param>
/// <param name="NameAt">Where the name stands in the line.</param>
/// <param name="Year">A year printed in the label (a four-digit year, or the <c>/22</c> of <c>RR 1/22</c>), or null.</param>
/// <param name="RestAt">Where the description after the label starts in the line; -1 when there is none.</param>
/// <param name="IsTypeHeading">True when the line is only a heading that names a kind of review.</param>
public sealed record ReviewLabel(
    string? Reference,
    (int Start, int Length) ReferenceAt,
    string? Name,
    (int Start, int Length) NameAt,
    int? Year,
    int RestAt,
    bool IsTypeHeading = false);
