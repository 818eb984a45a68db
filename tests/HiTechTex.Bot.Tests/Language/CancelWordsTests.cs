using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Cancel words that are also other words, per language: alone (or with fillers) they cancel; in a sentence where they
/// mean something else — going somewhere, the end of a month, a departure date — they do not.
/// </summary>
public sealed class CancelWordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(Now));

    [Theory]
    [InlineData("vamos para Itália", "IT")]
    [InlineData("vamos para o Porto em março", "PT")]
    [InlineData("quero ir para Espanha", "ES")]
    [InlineData("sair para Itália", "IT")]
    [InlineData("vamos a Italia en marzo", "IT")]
    [InlineData("salir a Italia en marzo", "IT")]
    [InlineData("quiero ir para España", "ES")]
    public void Recognize_GoingSomewhereWithAStopWord_IsAnExchangeThereNotCancel(string text, string country)
    {
        var result = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.Equal(country, result.Entities.Country);
    }

    [Fact]
    public void Recognize_LetsGoToPortoInMarch_KeepsCityAndMonth()
    {
        var result = recognizer.Recognize("vamos para o Porto em março", "pt-PT");

        Assert.Equal("Porto", result.Entities.City);
        Assert.Equal(new DateOnly(2027, 3, 1), result.Entities.Month);
    }

    [Fact]
    public void Recognize_EndOfMarchInPrague_IsNoCancelNorAnInternship()
    {
        // "v Praze" (in Prague) was read as "praxe" (internship) with a typo: a travel wish, so an exchange.
        var result = recognizer.Recognize("konec března v Praze", "cs-CZ");

        Assert.Equal(Intent.None, result.Intent);
    }

    [Theory]
    [InlineData("stop in Prato")]
    [InlineData("exit strategies")]
    [InlineData("konec března")]
    [InlineData("çıkış tarihi")]
    [InlineData("durum nedir?")]
    [InlineData("para agora")]
    public void Recognize_CancelWordInItsOtherMeaning_IsNoCancel(string text)
    {
        Assert.NotEqual(Intent.Cancel, recognizer.Recognize(text, null).Intent);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("please just stop it now")]
    [InlineData("exit")]
    [InlineData("quero sair")]
    [InlineData("vamos parar")]
    [InlineData("salir")]
    [InlineData("esci")]
    [InlineData("basta così")]
    [InlineData("dur")]
    [InlineData("dur artık")]
    [InlineData("çıkış")]
    [InlineData("konec")]
    [InlineData("cancel it")]
    public void Recognize_CancelWordAsTheCommand_Cancels(string text)
    {
        Assert.Equal(Intent.Cancel, recognizer.Recognize(text, null).Intent);
    }
}
