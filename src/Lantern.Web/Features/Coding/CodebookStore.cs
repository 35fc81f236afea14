using Lantern.Core.Coding;
using Lantern.Web.Access;
using Lantern.Web.Hosting;

namespace Lantern.Web.Features.Coding;

/// <summary>The result of replacing the codebook: saved, or every validation error (as <c>codes[3].label: …</c>).</summary>
public sealed record CodebookUploadResult(bool Saved, IReadOnlyList<string> Errors);

/// <summary>
/// The theme codebook kept as <c>codebook.json</c> in the data folder: read for display, replaced by an editor's
/// upload after validation. The library's pipeline reads it when the app starts (see LibraryRegistration).
/// </summary>
public sealed class CodebookStore(LanternWebOptions options, IViewerAccessor viewers)
{
    /// <summary>Largest codebook upload accepted, in bytes (1 MB).</summary>
    public const long MaxBytes = 1024 * 1024;

    public const string FileName = "codebook.json";

    public bool CanReplace => viewers.Current.CanEdit;

    public string SavedPath => Path.Combine(options.DataFolder, FileName);

    /// <summary>True when a replacement codebook has been saved in the data folder.</summary>
    public bool HasSaved => File.Exists(SavedPath);

    /// <summary>The saved codebook when there is a valid one, else the built-in codebook.</summary>
    public Codebook Current() => ReadSaved(options.DataFolder) ?? Codebook.BuiltIn;

    /// <summary>The codebook saved in <paramref name="dataFolder"/>, or null when none (or an unreadable one) is there.</summary>
    public static Codebook? ReadSaved(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Codebook.Load(path);
        }
        catch (CodebookException)
        {
            // Only validated files are saved here; one edited by hand and broken falls back to the built-in codebook.
            return null;
        }
    }

    public async Task<CodebookUploadResult> ReplaceAsync(string? fileName, long length, Func<Stream> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (string.IsNullOrEmpty(fileName) || length == 0)
        {
            return new CodebookUploadResult(false, ["Select a codebook file"]);
        }

        if (!string.Equals(Path.GetExtension(fileName), ".json", StringComparison.OrdinalIgnoreCase))
        {
            return new CodebookUploadResult(false, ["The codebook must be a JSON file (.json)"]);
        }

        if (length > MaxBytes)
        {
            return new CodebookUploadResult(false, ["The codebook must be smaller than 1 MB"]);
        }

        string json;
        using (var reader = new StreamReader(open()))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        var errors = Codebook.Validate(json);
        if (errors.Count > 0)
        {
            return new CodebookUploadResult(false, errors);
        }

        Directory.CreateDirectory(options.DataFolder);
        var temporary = SavedPath + ".uploading";
        await File.WriteAllTextAsync(temporary, json, cancellationToken);
        File.Move(temporary, SavedPath, overwrite: true);
        return new CodebookUploadResult(true, []);
    }
}
