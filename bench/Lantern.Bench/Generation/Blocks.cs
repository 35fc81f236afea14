namespace Lantern.Bench.Generation;

internal enum BlockKind { Title, Heading, Paragraph, List }

/// <summary>How list items are marked in plain-text renderings.</summary>
internal enum ListMarker { Numbered, Dash, Bullet, DoubleDot, Letter }

/// <summary>
/// One block of a generated document, independent of the file format: the layouts write blocks and
/// the renderers turn them into txt, PDF-like text, Markdown, HTML or docx.
/// </summary>
internal sealed record Block(BlockKind Kind, string Text, IReadOnlyList<string> Items, ListMarker Marker = ListMarker.Numbered)
{
    public static Block Title(string text) => new(BlockKind.Title, text, []);

    public static Block Heading(string text) => new(BlockKind.Heading, text, []);

    public static Block Paragraph(string text) => new(BlockKind.Paragraph, text, []);

    public static Block List(IReadOnlyList<string> items, ListMarker marker) => new(BlockKind.List, "", items, marker);
}

/// <summary>A generated document before rendering: its title, publisher, running header and blocks.</summary>
internal sealed record GeneratedDocument(string Title, string Partnership, string Layout, IReadOnlyList<Block> Blocks, int ReviewCount);
