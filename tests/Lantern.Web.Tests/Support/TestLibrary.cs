using Lantern.Storage.Abstractions;
using Lantern.Storage.Library;

namespace Lantern.Web.Tests.Support;

internal static class TestLibrary
{
    /// <summary>The library the web tests run over: the real SQLite library in the test's data folder.</summary>
    public static IReviewLibrary Open(string dataFolder) => LanternLibrary.Open(dataFolder);
}
