using Lantern.Core.Analysis;
using Lantern.Core.Records;

namespace Lantern.Core.Tests.Analysis;

/// <summary>The gold records of the sample corpus as analysis input: one review per gold review, ids from 1 in file order.</summary>
internal static class GoldReviews
{
    public static IReadOnlyList<AnalysisReview> Load()
    {
        var reviews = new List<AnalysisReview>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Gold, "*.json").Order(StringComparer.Ordinal))
        {
            var record = RecordJson.Deserialize(File.ReadAllText(file));
            foreach (var r in record.Reviews)
            {
                reviews.Add(new AnalysisReview
                {
                    Id = reviews.Count + 1,
                    Title = r.Reference ?? r.Name ?? $"{record.Document} review",
                    Publisher = record.Publisher,
                    Year = r.Year,
                    Type = r.Type,
                    AgeBand = r.Child.AgeBand,
                    Sex = r.Child.Sex,
                    Outcome = r.Outcome,
                    Harm = r.Harm,
                    RiskFactors = r.RiskFactors,
                    Agencies = r.Agencies,
                    Themes = r.Themes,
                    Learning = r.Learning,
                });
            }
        }

        return reviews;
    }
}
