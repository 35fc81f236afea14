using Lantern.Storage.Providers;

namespace Lantern.Storage.Tests.Search;

public class PostgresPrefixExpansionTests
{
    private static readonly string[] Words = ["escal", "escalat", "escalate", "escalated", "escalating", "escalation", "escap", "esc\u00e9", "eso"];

    [Fact]
    public void StartingWith_WordsLongerThanThePrefix_InOrdinalOrder()
    {
        var sorted = Words.Order(StringComparer.Ordinal).ToArray();

        PostgresPrefixExpansion.StartingWith(sorted, "escalat", 64).ShouldBe(["escalate", "escalated", "escalating", "escalation"]);
        PostgresPrefixExpansion.StartingWith(sorted, "escalat", 2).ShouldBe(["escalate", "escalated"]);
        PostgresPrefixExpansion.StartingWith(sorted, "esc", 64).ShouldBe(["escal", "escalat", "escalate", "escalated", "escalating", "escalation", "escap", "esc\u00e9"]);
        PostgresPrefixExpansion.StartingWith(sorted, "escalation", 64).ShouldBeEmpty();
        PostgresPrefixExpansion.StartingWith(sorted, "zzz", 64).ShouldBeEmpty();
        PostgresPrefixExpansion.StartingWith([], "esc", 64).ShouldBeEmpty();
    }
}
