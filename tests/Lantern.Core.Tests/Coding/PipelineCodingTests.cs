using Lantern.Core.Coding;
using Lantern.Core.Extraction.Agencies;
using Lantern.Core.Extraction.Harm;
using Lantern.Core.Extraction.RiskFactors;
using Lantern.Core.Model;
using Lantern.Core.Pipeline;

namespace Lantern.Core.Tests.Coding;

public class PipelineCodingTests
{
    [Theory]
    [InlineData(HarmExtractor.DataFile)]
    [InlineData(RiskFactorExtractor.DataFile)]
    [InlineData(AgencyExtractor.DataFile)]
    public void EmbeddedVocabularyFiles_AreValidAndUseOnlySchemaCodes(string file)
    {
        var vocabulary = file switch
        {
            HarmExtractor.DataFile => Vocabulary.Harms,
            RiskFactorExtractor.DataFile => Vocabulary.RiskFactors,
            _ => Vocabulary.Agencies,
        };
        var book = Codebook.LoadEmbedded(file, vocabulary);
        book.CodeIds.ShouldBe(vocabulary, ignoreOrder: true);
    }

    [Fact]
    public void UseThemeCoding_WithCustomCodebook_CodesWithIt()
    {
        var book = Codebook.Parse("""{"version":"local-1","codes":[{"code":"local-theme","label":"Local","cues":["kinship care"]}]}""");
        var builder = new ReviewPipelineBuilder().UseThemeCoding(book);
        var coder = builder.ReviewExtractors.OfType<ThemeCoder>().Single();
        coder.Codebook.Version.ShouldBe("local-1");
        const string text = "Kinship care arrangements need assessment.";
        var review = new Review { Learning = [new TextItem(text, new SourceSpan(0, text.Length))] };
        coder.Code(text, review).Select(l => l.Code).ShouldBe(["local-theme"]);
    }

    [Fact]
    public void UseDefaults_CodesThemesAfterTheLabelExtractors_AndNotFromTheSummary()
    {
        var builder = new ReviewPipelineBuilder().UseDefaults();
        builder.ReviewExtractors.Last().ShouldBeOfType<ThemeCoder>();
        var summaryOnly = "A baby died after co-sleeping with a parent.";
        var segment = new ReviewSegment(new SourceSpan(0, summaryOnly.Length), null, []);
        var context = new ReviewContext(summaryOnly, new DocumentLayout([segment]), segment);
        var review = new Review { Span = segment.Span, Summary = new TextItem(summaryOnly, segment.Span) };
        var coded = builder.ReviewExtractors.Aggregate(review, (r, e) => e.Extract(context, r));
        coded.Themes.ShouldBeEmpty();
        coded.Harm.Select(h => h.Code).ShouldContain("unsafe-sleep");
        coded.Outcome!.Value.ShouldBe("died");
    }
}
