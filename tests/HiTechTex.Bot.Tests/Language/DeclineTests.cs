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

/// <summary>A visit to another cluster is what a ClusterXchange exchange is; a word that merely looks like "visit" is not.</summary>
public sealed class VisitPhrasingTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("I'd like to visit a cluster in Spain for a week", "en")]
    [InlineData("Gostaria de visitar um centro de investigação em Itália", "pt")]
    [InlineData("quiero hacer una visita a un clúster en Portugal", "es")]
    [InlineData("vorrei visitare un'azienda in Turchia", "it")]
    [InlineData("İspanya'da bir kümeye ziyaret yapmak istiyorum", "tr")]
    [InlineData("chtěl bych navštívit klastr v Itálii", "cs")]
    public void Recognize_AVisitToACluster_IsAnExchange(string text, string language)
    {
        var recognized = recognizer.Recognize(text, null);

        Assert.Equal(Intent.ApplyForExchange, recognized.Intent);
        Assert.Equal(language, recognized.Language);
    }

    [Theory]
    [InlineData("find partners for computer vision in Italy", Intent.FindPartners)]
    [InlineData("computer vision experts", Intent.None)]
    [InlineData("which labs can I visit to find partners", Intent.FindPartners)]
    public void Recognize_WordsThatOnlyLookLikeVisit_AreNotAnExchange(string text, Intent expected)
    {
        Assert.Equal(expected, recognizer.Recognize(text, null).Intent);
    }
}

/// <summary>The help card's "book a session" in each language, inside a sentence too.</summary>
public sealed class BookASessionPhrasingTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("I'd like to book a session on sustainability")]
    [InlineData("quero marcar uma sessão sobre reciclagem")]
    [InlineData("quisiera reservar una sesión la próxima semana")]
    [InlineData("vorrei prenotare una sessione")]
    [InlineData("bir oturum ayırt lütfen")]
    [InlineData("chci rezervovat setkání")]
    public void Recognize_BookingASession_IsCoaching(string text) =>
        Assert.Equal(Intent.RegisterForCoaching, recognizer.Recognize(text, null).Intent);
}
