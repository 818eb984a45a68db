using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests;

public sealed class Utf16TextTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdef", 3, "abc")]
    [InlineData("abcdef", 0, "")]
    [InlineData("ab\U0001F9F5cd", 3, "ab")]   // the thread emoji (a surrogate pair) at the cut is dropped whole
    [InlineData("ab\U0001F9F5cd", 4, "ab\U0001F9F5")]
    [InlineData("\U0001F9F5", 1, "")]
    public void Cut_NeverSplitsASurrogatePair(string text, int length, string expected)
    {
        var cut = Utf16Text.Cut(text, length);

        Assert.Equal(expected, cut);
        Assert.Same(cut, Utf16Text.WellFormed(cut));
    }

    [Fact]
    public void Cut_NegativeLength_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Utf16Text.Cut("abc", -1));
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("ab  cdef", 4, "ab…")]                       // the space before the cut is not kept before "…"
    [InlineData("ab\U0001F9F5cd", 4, "ab…")]                  // the emoji at the cut is left out whole
    [InlineData("ab\U0001F9F5cd", 5, "ab\U0001F9F5…")]
    [InlineData("abcdef", 1, "…")]
    [InlineData("", 1, "")]
    public void Shorten_TooLong_CutWithAnEllipsisWithinTheLength(string text, int length, string expected)
    {
        var shortened = Utf16Text.Shorten(text, length);

        Assert.Equal(expected, shortened);
        Assert.True(shortened.Length <= length);
        Assert.Same(shortened, Utf16Text.WellFormed(shortened));
    }

    [Fact]
    public void Shorten_FittingText_IsTheSameInstance()
    {
        var text = "fits";

        Assert.Same(text, Utf16Text.Shorten(text, 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Shorten_LengthBelowOne_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Utf16Text.Shorten("abc", length));
    }

    [Fact]
    public void WellFormed_LoneSurrogate_BecomesTheReplacementCharacter()
    {
        // Facts, not inline data: the test runner's serialization of theory data would itself mangle lone surrogates.
        Assert.Equal("ab\uFFFDcd", Utf16Text.WellFormed("ab\uD83Ecd"));                  // the high half of 🧵 alone
        Assert.Equal("ab\uFFFD", Utf16Text.WellFormed("ab\uDDF5"));                      // the low half alone, at the end
        Assert.Equal("\uFFFD\uFFFD", Utf16Text.WellFormed("\uDDF5\uD83E"));              // halves in the wrong order
        Assert.Equal("\uFFFD\U0001F9F5", Utf16Text.WellFormed("\uD83E\uD83E\uDDF5"));   // a lone half before a whole pair
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("Não tecidos \U0001F9F5 ok")]
    public void WellFormed_WellFormedText_IsTheSameInstance(string text)
    {
        Assert.Same(text, Utf16Text.WellFormed(text));
    }

    [Fact]
    public void TextNormalizer_LoneSurrogate_DoesNotThrowAndReadsAsASeparator()
    {
        // What a cut inside an emoji leaves: string.Normalize threw "String contains invalid Unicode code points".
        var halfEmoji = "Não cancelar \uD83E";

        Assert.Equal("nao cancelar \uFFFD", TextNormalizer.Fold(halfEmoji));
        Assert.Equal("nao cancelar", TextNormalizer.Normalize(halfEmoji));
    }
}
