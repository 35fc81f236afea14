using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;
using Lantern.Tests.Shared.Database;

namespace Lantern.Web.Tests.Support;

internal static class TestLibrary
{
    /// <summary>
    /// The library the web tests run over: the real library in the test's data folder, on SQLite or (under
    /// LANTERN_TEST_PG) in a fresh PostgreSQL database dropped when the server stops.
    /// </summary>
    public static IReviewLibrary Open(string dataFolder) => LanternLibrary.Open(TestStore.For(dataFolder));
}
