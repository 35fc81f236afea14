using Dapper;
using Lantern.Core.Model;
using Lantern.Storage.Tests.Support;
using Lantern.Tests.Shared.Database;

namespace Lantern.Storage.Tests.Library;

public class CheckTests
{
    [Fact]
    public async Task Check_GoodLibrary_HasNoProblems()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.AddAsync("south.txt", Some.SouthDigest, Visibility.Restricted);

        var check = await test.Library.CheckAsync();

        check.Ok.ShouldBeTrue(string.Join("; ", check.Problems));
        check.DocumentsChecked.ShouldBe(2);
        check.ReviewsChecked.ShouldBe(4);
    }

    [Fact]
    public async Task Check_TamperedOriginal_IsReported()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        await test.TamperOnlyOriginalAsync();

        var check = await test.Library.CheckAsync();

        check.Ok.ShouldBeFalse();
        check.Problems.ShouldContain(p => p.Contains("north.txt") && p.Contains("hashes to"));
    }

    [Fact]
    public async Task Check_MissingOriginal_IsReported()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        if (test.Location.Provider == Lantern.Storage.Library.DatabaseProvider.Sqlite)
        {
            File.Delete(Directory.GetFiles(Path.Combine(test.Folder, "originals"), "*", SearchOption.AllDirectories).Single());
        }
        else
        {
            using var connection = test.Library.OpenConnection();
            connection.Execute("DELETE FROM originals");
        }

        var check = await test.Library.CheckAsync();

        check.Ok.ShouldBeFalse();
        check.Problems.ShouldContain(p => p.Contains("north.txt") && p.Contains("missing"));
    }

    [SqliteOnlyFact("PostgreSQL's search column is generated from its row, so it cannot fall out of step")]
    public async Task Check_MissingOriginalAndStaleIndex_AreReported()
    {
        using var test = new TestLibrary();
        await test.AddAsync("north.txt", Some.NorthBulletin);
        File.Delete(Directory.GetFiles(Path.Combine(test.Folder, "originals"), "*", SearchOption.AllDirectories).Single());
        using (var connection = test.Library.OpenConnection())
        {
            connection.Execute("DELETE FROM reviews_fts WHERE rowid = (SELECT min(id) FROM reviews)");
        }

        var check = await test.Library.CheckAsync();

        check.Problems.ShouldContain(p => p.Contains("missing"));
        check.Problems.ShouldContain(p => p.Contains("reviews_fts"));
    }
}
