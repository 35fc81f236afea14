namespace Lantern.Core.Bulletins;

/// <summary>The file formats a bulletin can be written in.</summary>
public enum BulletinFormat
{
    /// <summary>Markdown (CommonMark), UTF-8.</summary>
    Markdown,

    /// <summary>A complete HTML page, UTF-8.</summary>
    Html,

    /// <summary>An A4 PDF with embedded DejaVu Sans.</summary>
    Pdf,
}

/// <summary>Lays a <see cref="BulletinModel"/> out with a template and writes it as Markdown, HTML or PDF.</summary>
public static class BulletinRenderer
{
    /// <summary>The bulletin as Markdown, laid out by <paramref name="template"/>.</summary>
    public static string ToMarkdown(BulletinModel model, BulletinTemplate template)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(template);
        return template.Render(model.ToTemplateData());
    }

    /// <summary>The bulletin as a complete HTML page (see <see cref="BulletinHtml"/>).</summary>
    public static string ToHtml(BulletinModel model, BulletinTemplate template) =>
        BulletinHtml.Page(ToMarkdown(model, template), model.Heading);

    /// <summary>The bulletin as PDF bytes (see <see cref="BulletinPdf"/>).</summary>
    public static byte[] ToPdf(BulletinModel model, BulletinTemplate template) =>
        BulletinPdf.Render(ToMarkdown(model, template), model.Heading);

    /// <summary>The bulletin in <paramref name="format"/>, as the bytes of a file (UTF-8 for text formats, no BOM).</summary>
    public static byte[] Render(BulletinModel model, BulletinTemplate template, BulletinFormat format) => format switch
    {
        BulletinFormat.Html => System.Text.Encoding.UTF8.GetBytes(ToHtml(model, template)),
        BulletinFormat.Pdf => ToPdf(model, template),
        _ => System.Text.Encoding.UTF8.GetBytes(ToMarkdown(model, template)),
    };
}
