namespace Lantern.Web.Tests.Support;

/// <summary>One running app over the sample library, shared by the HTTP tests (loading it once keeps them fast).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<LanternServer>
{
    public const string Name = "server";
}
