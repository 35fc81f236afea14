using System.Xml.Linq;
using Lantern.Core.Analysis;
using Lantern.Core.Analysis.Charts;
using Lantern.Core.Analysis.Trends;

namespace Lantern.Core.Tests.Analysis.Charts;

public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(Chart chart)
    {
        chart.Svg.ShouldNotContain("style=");
        var root = XElement.Parse(chart.Svg);
        root.Name.ShouldBe(Svg + "svg");
        root.Attribute("role")!.Value.ShouldBe("img");
        root.Element(Svg + "title")!.Value.ShouldBe(chart.Title);
        return root;
    }

    [Fact]
    public void Bars_DrawOneBarPerItemScaledToTheLargest_WithTableAndSummary()
    {
        var chart = SvgCharts.Bars("c1", "Themes <by> count", [("Information sharing", 4), ("Think family", 2)], "Theme", "Reviews");

        var root = Parse(chart);
        var bars = root.Elements(Svg + "rect").ToList();
        bars.Count.ShouldBe(2);
        (double.Parse(bars[0].Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture) /
            double.Parse(bars[1].Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(2.0, 0.01);
        chart.Table.Rows.Count.ShouldBe(2);
        chart.Table.Rows[0].ShouldBe(["Information sharing", "4"]);
        chart.Summary.ShouldContain("Information sharing (4)");
    }

    [Fact]
    public void Lines_OneLinePerSeriesAndAPointPerYear()
    {
        var chart = SvgCharts.Lines("c2", "Trend", ["2020", "2021", "2022"], [("A", [1, 2, 3]), ("B", [3, 1, 0])], "Year");

        var root = Parse(chart);
        root.Elements(Svg + "polyline").Count().ShouldBe(2);
        root.Elements(Svg + "circle").Count().ShouldBe(6);
        chart.Table.Headers.ShouldBe(["Year", "A", "B"]);
        chart.Table.Rows[2].ShouldBe(["2022", "3", "0"]);
        chart.Summary.ShouldContain("Higher in 2022 than in 2020: A");
    }

    [Fact]
    public void CoOccurrenceHeatMap_HasACellPerPairAndNamesTheStrongestAssociation()
    {
        AnalysisReview[] reviews =
        [
            new() { Id = 1, RiskFactors = ["domestic-abuse"], Harm = ["neglect"] },
            new() { Id = 2, RiskFactors = ["domestic-abuse"], Harm = ["neglect"] },
            new() { Id = 3, RiskFactors = ["housing"], Harm = ["physical-abuse"] },
        ];
        var matrix = CoOccurrence.Of(reviews, LabelKind.RiskFactor, LabelKind.Harm);

        var chart = AnalysisCharts.CoOccurrenceHeatMap("c3", "Risk factors and harm", matrix);

        var root = Parse(chart);
        root.Elements(Svg + "rect").Count().ShouldBe(4);
        chart.Summary.ShouldContain("Domestic abuse with Neglect: 2 reviews, lift 1.5");
        chart.Table.Rows.Count.ShouldBe(2);
    }

    [Fact]
    public void Bars_NoData_SaysSoAndIsStillAnImage()
    {
        var chart = SvgCharts.Bars("c4", "Nothing", [], "Theme", "Reviews");

        Parse(chart).Value.ShouldContain("No data");
        chart.Table.Rows.ShouldBeEmpty();
    }
}
