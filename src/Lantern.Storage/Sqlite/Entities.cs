namespace Lantern.Storage.Sqlite;

// Row types for EF Core. They mirror the tables of Migrations/Sqlite/*.sql; the scripts, not EF, own the schema.

/// <summary>A stored source document: its content address, normalised text and extraction diagnostics.</summary>
public sealed class DocumentRow
{
    public long Id { get; set; }
    public string Sha256 { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public long Length { get; set; }
    public int Visibility { get; set; }
    public string? Publisher { get; set; }
    public string Text { get; set; } = "";
    public string AddedAt { get; set; } = "";
    public string AddedBy { get; set; } = "local";
    public string ExtractorVersion { get; set; } = "";
    public string DiagnosticsJson { get; set; } = "[]";
}

/// <summary>One extracted review; <see cref="RecordJson"/> is the Core review with its evidence.</summary>
public sealed class ReviewRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public int Ordinal { get; set; }
    public string ReviewKey { get; set; } = "";
    public string? Reference { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public int? Year { get; set; }
    public int? AgeMonths { get; set; }
    public string? AgeBand { get; set; }
    public string? Sex { get; set; }
    public string? Outcome { get; set; }
    public string? Summary { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string RecordJson { get; set; } = "";
    public string ExtractorVersion { get; set; } = "";
    public string? CodebookVersion { get; set; }
}

/// <summary>A coded label of a review: kind is harm, risk, agency or theme.</summary>
public sealed class ReviewLabelRow
{
    public long ReviewId { get; set; }
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public double Score { get; set; }
    public string EvidenceJson { get; set; } = "[]";
}

/// <summary>One text item of a review: kind is learning, goodPractice, action or panelFeedback.</summary>
public sealed class LearningPointRow
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public string Kind { get; set; } = "";
    public int Ordinal { get; set; }
    public string Text { get; set; } = "";
    public int SpanStart { get; set; }
    public int SpanLength { get; set; }
}

/// <summary>A human coding decision about one theme of one review, keyed so it survives re-extraction.</summary>
public sealed class CodingDecisionRow
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string ReviewKey { get; set; } = "";
    public string ThemeCode { get; set; } = "";
    public string Verdict { get; set; } = "";
    public string Coder { get; set; } = "";
    public string At { get; set; } = "";
    public string? Note { get; set; }
}
