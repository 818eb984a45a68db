using HiTechTex.Bot.Features;

namespace HiTechTex.Bot.Tests.Features;

/// <summary>
/// The one cleaner of what people write for others (introduction messages, exchange texts and comments, coaching
/// sessions): nothing that turns the text around or hides in it is kept, and a text with nothing to see is missing.
/// </summary>
public sealed class FreeTextTests
{
    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C")]
    [InlineData("\u200D")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    [InlineData("\u200E\u200F\u061C")]
    [InlineData("\u202A\u202B\u202C\u202D\u202E")]
    [InlineData("\u2066\u2067\u2068\u2069")]
    [InlineData(" \t\r\n\u00A0\u2003\u3000")]
    [InlineData("\u00AD\u034F\uFE0F")]
    [InlineData("\u3164\u115F\u1160\uFFA0\u2800")]
    [InlineData("\U000E0041\U000E0062")]
    [InlineData(" \u202E\u200B \u2066\u2060 ")]
    [InlineData("")]
    [InlineData(null)]
    public void NothingToSee_IsMissing(string? text)
    {
        Assert.True(FreeText.IsMissing(text));
        Assert.True(FreeText.IsMissing(FreeText.Clean(text)));
        Assert.Null(FreeText.CleanOrNull(text));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData(".")]
    [InlineData("€")]
    [InlineData("\U0001F9F5")]
    [InlineData("\u200Bx\u200B")]
    [InlineData("ž")]
    [InlineData("日本")]
    public void SomethingToSee_IsNotMissing(string text) => Assert.False(FreeText.IsMissing(text));

    [Theory]
    [InlineData("Aprender \u202Eabc 123", "Aprender abc 123")]
    [InlineData("\u2067Day 1\u2069: lab \u202Dvisit\u202C", "Day 1: lab visit")]
    [InlineData("a\u200Bb\u2060c\uFEFFd\u200Ee\u200Ff\u061Cg", "abcdefg")]
    [InlineData("  Trial  \u202E ", "Trial")]
    [InlineData("Line 1\nLine 2\r\n\tLine 3", "Line 1\nLine 2\r\n\tLine 3")]
    [InlineData("می\u200Cخواهم", "می\u200Cخواهم")]
    [InlineData("\U0001F469\u200D\U0001F52C", "\U0001F469\u200D\U0001F52C")]
    [InlineData("**bold** [x](https://e.example)", "**bold** [x](https://e.example)")]
    public void Clean_RemovesWhatTurnsTheTextAroundOrHidesKeepsTheRest(string typed, string expected) =>
        Assert.Equal(expected, FreeText.Clean(typed));

    [Fact]
    public void Clean_LeavesNoBidiControlOrZeroWidthSpace()
    {
        var every = string.Concat(Enumerable.Range(0x2000, 0x80).Select(c => (char)c)) + "\uFEFF\u061C\u180E x";

        var cleaned = FreeText.Clean(every);

        Assert.All(new[] { '\u200B', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u061C', '\u180E' },
            c => Assert.DoesNotContain(c, cleaned));
        Assert.EndsWith("x", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_Null_Empty() => Assert.Equal("", FreeText.Clean(null));
}
