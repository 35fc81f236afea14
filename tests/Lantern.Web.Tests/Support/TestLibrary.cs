using Lantern.Storage.Abstractions;

namespace Lantern.Web.Tests.Support;

internal static class TestLibrary
{
    /// <summary>The library the web tests run over.</summary>
    public static IReviewLibrary Open(string dataFolder) => new InMemoryLibrary();
}
