using Microsoft.EntityFrameworkCore;

namespace Lantern.Storage.Sqlite;

/// <summary>
/// EF Core mapping of the library tables, used for writes on either provider (the context over a connection comes from
/// <see cref="Providers.SqlDialect.Context"/>). The schema comes from the embedded SQL scripts
/// (see <see cref="Migrations.SchemaMigrator"/>), never from EF migrations.
/// </summary>
public sealed class LanternDbContext(DbContextOptions<LanternDbContext> options) : DbContext(options)
{
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();
    public DbSet<ReviewLabelRow> ReviewLabels => Set<ReviewLabelRow>();
    public DbSet<LearningPointRow> LearningPoints => Set<LearningPointRow>();
    public DbSet<CodingDecisionRow> CodingDecisions => Set<CodingDecisionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DocumentRow>(e =>
        {
            e.ToTable("documents").HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Sha256).HasColumnName("sha256");
            e.Property(x => x.FileName).HasColumnName("file_name");
            e.Property(x => x.Format).HasColumnName("format");
            e.Property(x => x.Length).HasColumnName("length");
            e.Property(x => x.Visibility).HasColumnName("visibility");
            e.Property(x => x.Publisher).HasColumnName("publisher");
            e.Property(x => x.Text).HasColumnName("text");
            e.Property(x => x.AddedAt).HasColumnName("added_at");
            e.Property(x => x.AddedBy).HasColumnName("added_by");
            e.Property(x => x.ExtractorVersion).HasColumnName("extractor_version");
            e.Property(x => x.DiagnosticsJson).HasColumnName("diagnostics_json");
        });
        modelBuilder.Entity<ReviewRow>(e =>
        {
            e.ToTable("reviews").HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DocumentId).HasColumnName("document_id");
            e.Property(x => x.Ordinal).HasColumnName("ordinal");
            e.Property(x => x.ReviewKey).HasColumnName("review_key");
            e.Property(x => x.Reference).HasColumnName("reference");
            e.Property(x => x.Name).HasColumnName("name");
            e.Property(x => x.Type).HasColumnName("type");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.AgeMonths).HasColumnName("age_months");
            e.Property(x => x.AgeBand).HasColumnName("age_band");
            e.Property(x => x.Sex).HasColumnName("sex");
            e.Property(x => x.Outcome).HasColumnName("outcome");
            e.Property(x => x.Summary).HasColumnName("summary");
            e.Property(x => x.Title).HasColumnName("title");
            e.Property(x => x.Body).HasColumnName("body");
            e.Property(x => x.RecordJson).HasColumnName("record_json");
            e.Property(x => x.ExtractorVersion).HasColumnName("extractor_version");
            e.Property(x => x.CodebookVersion).HasColumnName("codebook_version");
        });
        modelBuilder.Entity<ReviewLabelRow>(e =>
        {
            e.ToTable("review_labels").HasKey(x => new { x.ReviewId, x.Kind, x.Code });
            e.Property(x => x.ReviewId).HasColumnName("review_id");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.Code).HasColumnName("code");
            e.Property(x => x.Score).HasColumnName("score");
            e.Property(x => x.EvidenceJson).HasColumnName("evidence_json");
        });
        modelBuilder.Entity<LearningPointRow>(e =>
        {
            e.ToTable("learning_points").HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ReviewId).HasColumnName("review_id");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.Ordinal).HasColumnName("ordinal");
            e.Property(x => x.Text).HasColumnName("text");
            e.Property(x => x.SpanStart).HasColumnName("span_start");
            e.Property(x => x.SpanLength).HasColumnName("span_length");
        });
        modelBuilder.Entity<CodingDecisionRow>(e =>
        {
            e.ToTable("coding_decisions").HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DocumentId).HasColumnName("document_id");
            e.Property(x => x.ReviewKey).HasColumnName("review_key");
            e.Property(x => x.ThemeCode).HasColumnName("theme_code");
            e.Property(x => x.Verdict).HasColumnName("verdict");
            e.Property(x => x.Coder).HasColumnName("coder");
            e.Property(x => x.At).HasColumnName("at");
            e.Property(x => x.Note).HasColumnName("note");
        });
    }
}
