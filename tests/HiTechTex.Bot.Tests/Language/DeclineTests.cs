using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>"I don't want to apply" names a journey to refuse it: the local recognizer says none, declined.</summary>
public sealed class DeclineTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("I don't want to apply for an exchange")]
    [InlineData("I do not want to apply for an exchange")]
    [InlineData("dont want coaching")]
    [InlineData("I'm not interested in a staff exchange")]
    [InlineData("I don’t need partners")]
    [InlineData("não quero candidatar-me a um intercâmbio")]
    [InlineData("Não preciso de parceiros")]
    [InlineData("no quiero solicitar un intercambio")]
    [InlineData("No me interesa el coaching")]
    [InlineData("non voglio candidarmi per uno scambio")]
    [InlineData("non ho bisogno di partner")]
    [InlineData("değişim programına başvurmak istemiyorum")]
    [InlineData("koçluk oturumu istemiyorum")]
    [InlineData("nechci žádat o výměnu")]
    [InlineData("nepotřebuji partnery")]
    public void Recognize_AJourneyRefused_IsNoneAndDeclined(string text)
    {
        var recognized = recognizer.Recognize(text, null);

        Assert.Equal(Intent.None, recognized.Intent);
        Assert.True(recognized.Declined);
    }

    [Theory]
    [InlineData("I can't find a partner for dyeing", Intent.FindPartners)]
    [InlineData("I don't know how to apply for an exchange", Intent.ApplyForExchange)]
    [InlineData("I want to apply for a staff exchange", Intent.ApplyForExchange)]
    [InlineData("quero candidatar-me a um intercâmbio", Intent.ApplyForExchange)]
    [InlineData("chci najít partnery", Intent.FindPartners)]
    [InlineData("I don't want to cancel my booking", Intent.MySessions)]
    public void Recognize_NoRefusal_KeepsTheIntent(string text, Intent expected)
    {
        var recognized = recognizer.Recognize(text, null);

        Assert.Equal(expected, recognized.Intent);
        Assert.False(recognized.Declined);
    }

    [Fact]
    public void Recognize_ARefusalWithoutAJourney_IsPlainNone()
    {
        var recognized = recognizer.Recognize("I don't want pizza", null);

        Assert.Equal(Intent.None, recognized.Intent);
        Assert.False(recognized.Declined);
    }
}
