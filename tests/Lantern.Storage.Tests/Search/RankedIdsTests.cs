using Lantern.Storage.Providers;

namespace Lantern.Storage.Tests.Search;

/// <summary>The buffer a search's matches are read into grows through pooled arrays and keeps every row, in order.</summary>
public class RankedIdsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(70_000)]
    public void ToArrays_AfterGrowingPastEachPooledSize_HoldsExactlyTheRowsAdded(int count)
    {
        var rows = new SqlDialect.RankedIds();
        for (var i = 0; i < count; i++)
        {
            rows.Add(3L * i + 1, -0.5 * i);
        }

        var (ids, ranks) = rows.ToArrays();

        ids.Length.ShouldBe(count);
        ranks.Length.ShouldBe(count);
        for (var i = 0; i < count; i++)
        {
            ids[i].ShouldBe(3L * i + 1);
            ranks[i].ShouldBe(-0.5 * i);
        }
    }
}
