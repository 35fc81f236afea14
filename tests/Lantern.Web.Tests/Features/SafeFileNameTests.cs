using Lantern.Web.Features.Documents;

namespace Lantern.Web.Tests.Features;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("bulletin 2022.pdf", "bulletin 2022.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\reviews\\child \"A\".docx", "child _A_.docx")]
    [InlineData("evil\r\nSet-Cookie: x.txt", "evil__Set-Cookie_ x.txt")]
    [InlineData("", "document")]
    [InlineData("...", "document")]
    public void SafeFileName_StripsFoldersAndHeaderBreakingCharacters(string input, string expected) =>
        DownloadOriginal.SafeFileName(input).ShouldBe(expected);
}
