using System.Globalization;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("en-US", "3.5", "3.5")]
    [InlineData("en-GB", "1,000", "1000")]
    [InlineData("en-US", "1,234.5", "1234.5")]
    [InlineData("pt-PT", "3,5", "3.5")]
    [InlineData("pt-BR", "1.000,25", "1000.25")]
    [InlineData("pt-BR", "3.5", "3.5")]
    [InlineData("es-ES", "3,5", "3.5")]
    [InlineData("it-IT", "3,5", "3.5")]
    [InlineData("it-IT", "circa 12 kg", "12")]
    [InlineData("tr-TR", "3,5", "3.5")]
    [InlineData("tr-TR", "1.500", "1500")]
    [InlineData("cs-CZ", "3,5", "3.5")]
    [InlineData("cs-CZ", "1 000", "1000")]
    [InlineData("en-US", "-2", "-2")]
    public void TryRecognize_LocaleNumber_ReadsValue(string locale, string text, string expected)
    {
        var ok = NumberRecognizer.TryRecognize(text, CultureInfo.GetCultureInfo(locale), out var value);

        Assert.True(ok);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("three")]
    [InlineData("")]
    [InlineData("abc")]
    public void TryRecognize_NoNumber_ReturnsFalse(string text)
    {
        Assert.False(NumberRecognizer.TryRecognize(text, CultureInfo.GetCultureInfo("en-US"), out _));
    }

    [Theory]
    [InlineData("pt-PT", "2,5")]
    [InlineData("es-ES", "2,5")]
    [InlineData("it-IT", "2,5")]
    [InlineData("tr-TR", "2,5")]
    [InlineData("cs-CZ", "2,5")]
    [InlineData("en-US", "2.5")]
    public async Task ContinueDialogAsync_DecimalInUserLocale_EndsWithValue(string locale, string text)
    {
        await PromptHost.Flow(() => new NumberPrompt<decimal>("n"), PromptOptions.Text("How many hours?"), configure: a => a.Locale = locale)
            .Send("hi").AssertReply("How many hours?")
            .Send(text).AssertReply("Result: 2.5")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_FractionForIntegerPrompt_Retries()
    {
        await PromptHost.Flow(() => new NumberPrompt<int>("n"), PromptOptions.Text("How many?", "A whole number, please."))
            .Send("hi").AssertReply("How many?")
            .Send("2.5").AssertReply("A whole number, please.")
            .Send("lots").AssertReply("A whole number, please.")
            .Send("3").AssertReply("Result: 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialogAsync_OutOfRangeForType_Retries()
    {
        await PromptHost.Flow(() => new NumberPrompt<byte>("n"), PromptOptions.Text("How many?", "Again?"))
            .Send("hi").AssertReply("How many?")
            .Send("300").AssertReply("Again?")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_ExceededOnNumber_EndsWithAttemptsExceeded()
    {
        var options = PromptOptions.Text("How many?", "A number, please.");
        options.MaxAttempts = 3;
        await PromptHost.Flow(() => new NumberPrompt<int>("n"), options)
            .Send("hi").AssertReply("How many?")
            .Send("a").AssertReply("A number, please.")
            .Send("b").AssertReply("A number, please.")
            .Send("c").AssertReplyContains("Sorry").AssertReply("Gave up after 3")
            .StartTestAsync();
    }
}
