using Lantern.Core.Pipeline;

namespace Lantern.Core.Normalisation;

public static class NormalisationBuilderExtensions
{
    /// <summary>
    /// Adds the standard clean-up passes in order: line endings, Unicode clean-up, whitespace, page furniture,
    /// Markdown, bullets, hyphenation, line joining, and a final whitespace pass.
    /// </summary>
    /// <remarks>
    /// OUTPUT CONTRACT (segmentation relies on it):
    /// <list type="bullet">
    /// <item>Line breaks are LF only. No line has leading or trailing spaces; runs of spaces and tabs are one space.
    /// Blocks are separated by at most one blank line; there are no leading or trailing blank lines and no final newline.
    /// No form feeds remain.</item>
    /// <item>Every non-blank line is one whole unit: a heading, a paragraph, or a list item. Wrapped lines are joined
    /// (also across a page break or blank line when a sentence runs on into a lower-case word) and words hyphenated
    /// across lines are rejoined, keeping the hyphen after compound prefixes (multi-agency, non-accidental).</item>
    /// <item>A list item starts with the canonical bullet <c>• </c> (U+2022 and one space), whatever marker the source
    /// used (• ● ▪ ■ ◦ ➢ ► ✓ ·, PDF private-use bullets, -, *, – , "..", a lone "o " in a list), or with its number as
    /// printed (<c>1.</c>, <c>1)</c>, <c>(1)</c>, <c>a)</c>, <c>i.</c>). A heading is a short line without terminal
    /// punctuation in Title or UPPER case, or a line ending with a colon; it is never joined to what follows.</item>
    /// <item>Unicode is plain: no-break and other spaces are spaces; zero-width characters and soft hyphens are gone;
    /// ligatures are expanded; HTML entities are decoded.</item>
    /// <item>No Markdown: heading markers, emphasis, escapes, images and inline HTML tags are gone; links are their text
    /// (one copy of the address when the text is the address).</item>
    /// <item>No page furniture: page-number lines (3, Page 3, Page 3 of 12, - 3 -, 3 | P a g e, 3/12) and running headers
    /// and footers are gone, except that the first copy of a header that stands in the document's opening block (up to
    /// three lines before the first blank line) is kept as (part of) the title. Four-digit lines (years) stay.</item>
    /// </list>
    /// </remarks>
    public static ReviewPipelineBuilder UseStandardNormalisation(this ReviewPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Normalisers.Add(new LineEndingNormaliser());
        builder.Normalisers.Add(new UnicodeCleanupNormaliser());
        builder.Normalisers.Add(new WhitespaceNormaliser());
        builder.Normalisers.Add(new PageFurnitureNormaliser());
        builder.Normalisers.Add(new MarkdownNormaliser());
        builder.Normalisers.Add(new BulletNormaliser());
        builder.Normalisers.Add(new HyphenationNormaliser());
        builder.Normalisers.Add(new LineJoinNormaliser());
        builder.Normalisers.Add(new WhitespaceNormaliser());
        return builder;
    }
}
