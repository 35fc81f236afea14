using Lantern.Storage.Search;

namespace Lantern.Storage.Tests.Search;

public class SearchQueryParserTests
{
    private static ParsedQuery Parse(string query) => SearchQueryParser.Default.Parse(query);

    [Theory]
    [InlineData("neglect", "\"neglect\"")]
    [InlineData("neglect housing", "(\"neglect\" AND \"housing\")")]
    [InlineData("neglect and housing", "(\"neglect\" AND \"housing\")")]
    [InlineData("neglect or housing", "(\"neglect\" OR \"housing\")")]
    [InlineData("neglect OR housing", "(\"neglect\" OR \"housing\")")]
    [InlineData("neglect NOT housing", "((\"neglect\") NOT \"housing\")")]
    [InlineData("neglect -housing", "((\"neglect\") NOT \"housing\")")]
    [InlineData("negl*", "\"negl\"*")]
    [InlineData("\"rule of optimism\"", "\"rule of optimism\"")]
    [InlineData("(neglect OR abuse) school", "((\"neglect\" OR \"abuse\") AND \"school\")")]
    public void Parse_TypedQuery_BecomesSafeFtsExpression(string query, string expected)
    {
        var parsed = Parse(query);

        parsed.Error.ShouldBeNull();
        parsed.MatchExpression.ShouldBe(expected);
    }

    [Theory]
    [InlineData("neglect", "'neglect'")]
    [InlineData("neglect housing", "('neglect' & 'housing')")]
    [InlineData("neglect or housing", "('neglect' | 'housing')")]
    [InlineData("neglect NOT housing", "(('neglect') & !('housing'))")]
    [InlineData("negl*", "'negl':*")]
    [InlineData("\"rule of optimism\"", "'rule of optimism'")]
    [InlineData("o'brien", "'o''brien'")]
    [InlineData("(neglect OR abuse) school", "(('neglect' | 'abuse') & 'school')")]
    public void Parse_TypedQuery_BecomesTheSameTsquery(string query, string expected)
    {
        var parsed = Parse(query);

        parsed.Error.ShouldBeNull();
        parsed.TsQuery.ShouldBe(expected);
    }

    [Theory]
    [InlineData("DA")]
    [InlineData("domestic abuse")]
    [InlineData("\"domestic violence\"")]
    public void Parse_AnyFormOfASynonymGroup_ExpandsToEveryForm(string query)
    {
        var expression = Parse(query).MatchExpression!;

        expression.ShouldContain("\"DA\"");
        expression.ShouldContain("\"domestic abuse\"");
        expression.ShouldContain("\"domestic violence\"");
    }

    [Fact]
    public void Parse_ToxicTrio_ExpandsToTheThreeRiskFactorsTogether()
    {
        Parse("toxic trio").MatchExpression.ShouldBe("(\"toxic trio\" OR (\"domestic abuse\" AND \"parental mental health\" AND \"substance misuse\"))");
    }

    [Theory]
    [InlineData("CP plan")]
    [InlineData("looked after children")]
    [InlineData("children's social care")]
    [InlineData("MASH")]
    [InlineData("cse")]
    public void Parse_FieldTerms_AreExpanded(string query)
    {
        Parse(query).MatchExpression!.ShouldContain(" OR ");
    }

    [Theory]
    [InlineData("*")]
    [InlineData("AND AND")]
    [InlineData("NOT")]
    [InlineData("(((")]
    [InlineData("-neglect")]
    [InlineData("NOT neglect")]
    [InlineData("\"\"")]
    public void Parse_Malformed_GivesPlainEnglishError(string query)
    {
        var parsed = Parse(query);

        parsed.MatchExpression.ShouldBeNull();
        parsed.Error.ShouldNotBeNullOrWhiteSpace();
        parsed.Error.ShouldNotContain("fts5");
    }

    [Theory]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"")]
    [InlineData("neglect AND AND abuse", "(\"neglect\" AND \"abuse\")")]
    [InlineData("(neglect", "\"neglect\"")]
    [InlineData("neglect)", "\"neglect\"")]
    [InlineData("neglect OR", "\"neglect\"")]
    public void Parse_RepairableMistake_IsRepairedWithANote(string query, string expected)
    {
        var parsed = Parse(query);

        parsed.MatchExpression.ShouldBe(expected);
        parsed.Notes.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("\" OR 1=1 --")]
    [InlineData("title:secret")]
    [InlineData("NEAR(a b)")]
    [InlineData("a\"b")]
    [InlineData("^start")]
    public void Parse_FtsSyntaxInInput_IsQuotedAway(string query)
    {
        var parsed = Parse(query);

        if (parsed.MatchExpression is { } expression)
        {
            expression.Replace("\"\"", "").Count(c => c == '"').ShouldBe(expression.Replace("\"\"", "").Count(c => c == '"') / 2 * 2);
            expression.ShouldNotContain(":");
        }
    }

    [Fact]
    public void Parse_Empty_IsBrowse()
    {
        Parse("  ").IsBrowse.ShouldBeTrue();
    }
}
