using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using Lantern.Core.Analysis.Trends;
using Lantern.Core.Exports;

namespace Lantern.Core.Tests.Exports;

public sealed class TidyCsvTests
{
    private static Dictionary<string, List<T>> ReadBack<T>(byte[] zipBytes, string file)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(file)!.Open());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return new Dictionary<string, List<T>> { [file] = csv.GetRecords<T>().ToList() };
    }

    private static byte[] Export()
    {
        using var stream = new MemoryStream();
        TidyCsv.WriteZip(SampleExports.Reviews, stream);
        return stream.ToArray();
    }

    [Fact]
    public void WriteZip_SameReviews_GiveTheSameBytes_WhateverTheTime()
    {
        var first = Export();
        Thread.Sleep(2100); // zip times have a two-second grain: a wall-clock stamp would differ by now
        Export().ShouldBe(first);
    }

    [Fact]
    public void WriteZip_SampleCorpus_RoundTripsWithTheSameCountsAsTheAnalysis()
    {
        var reviews = SampleExports.Reviews;
        reviews.Count.ShouldBeGreaterThanOrEqualTo(5);
        var bytes = Export();

        var reviewRows = ReadBack<TidyCsv.ReviewRow>(bytes, TidyCsv.ReviewsFile)[TidyCsv.ReviewsFile];
        var pointRows = ReadBack<TidyCsv.LearningPointRow>(bytes, TidyCsv.LearningPointsFile)[TidyCsv.LearningPointsFile];
        var themeRows = ReadBack<TidyCsv.ReviewThemeRow>(bytes, TidyCsv.ReviewThemesFile)[TidyCsv.ReviewThemesFile];

        reviewRows.Count.ShouldBe(reviews.Count);
        pointRows.Count.ShouldBe(reviews.Sum(r => r.Review.Learning.Count));
        var analysis = reviews.Select(r => r.ToAnalysis()).ToList();
        var byPublisher = ThemeTrends.ByPublisher(analysis);
        foreach (var theme in byPublisher.Rows)
        {
            themeRows.Count(t => t.Theme == theme).ShouldBe(byPublisher.RowTotal(theme), theme);
        }

        var profile = LibraryProfile.Of(analysis);
        foreach (var band in profile.AgeBands.Where(b => b.Value != LibraryProfile.NotStated))
        {
            reviewRows.Count(r => r.AgeBand == band.Value).ShouldBe(band.Reviews);
        }
    }

    [Fact]
    public void WriteZip_ThemeRows_CarryTheEvidenceSentenceFromTheText()
    {
        var bytes = Export();
        var themeRows = ReadBack<TidyCsv.ReviewThemeRow>(bytes, TidyCsv.ReviewThemesFile)[TidyCsv.ReviewThemesFile];

        themeRows.ShouldNotBeEmpty();
        var automatic = themeRows.Where(t => t.Source == "automatic").ToList();
        automatic.ShouldNotBeEmpty();
        automatic.ShouldAllBe(t => t.Evidence.Length > 0);
    }

    [Fact]
    public void WriteFolder_WritesTheThreeFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lantern-csv-" + Guid.NewGuid().ToString("N"));
        try
        {
            TidyCsv.WriteFolder(SampleExports.Reviews, folder);
            Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe([TidyCsv.LearningPointsFile, TidyCsv.ReviewThemesFile, TidyCsv.ReviewsFile]);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
