using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// Asking to apply for an exchange in the common phrasings ("chci se přihlásit na výměnu", "sign up for an exchange",
/// "go on an exchange to Italy", "přihláška na ClusterXchange") is a request the recognizer is sure of (≥ 0.8, what the
/// first-use organisation question keeps as a request) in the six languages; one exchange word alone in an
/// organisation's name is not.
/// </summary>
public sealed class ExchangeRequestScoreTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    // Czech
    [InlineData("chci se přihlásit na výměnu")]
    [InlineData("chtěl bych jet na výměnu do Itálie")]
    [InlineData("přihláška na ClusterXchange")]
    [InlineData("chtěla bych se přihlásit na výměnný pobyt")]
    [InlineData("chci požádat o výměnu")]
    [InlineData("chci podat přihlášku na stáž")]
    [InlineData("prihlasit se na vymenu")]
    // English
    [InlineData("I want to sign up for an exchange")]
    [InlineData("I'd like to go on an exchange to Italy")]
    [InlineData("application for ClusterXchange")]
    // Portuguese
    [InlineData("quero inscrever-me num intercâmbio")]
    [InlineData("gostaria de ir num intercâmbio para Itália")]
    [InlineData("candidatura ao ClusterXchange")]
    // Spanish
    [InlineData("quiero inscribirme en un intercambio")]
    [InlineData("me gustaría ir de intercambio a Italia")]
    [InlineData("solicitud para ClusterXchange")]
    // Italian
    [InlineData("voglio iscrivermi a uno scambio")]
    [InlineData("vorrei andare in Spagna per uno scambio")]
    [InlineData("candidatura a ClusterXchange")]
    // Turkish
    [InlineData("değişime kaydolmak istiyorum")]
    [InlineData("İtalya'ya değişime gitmek istiyorum")]
    [InlineData("ClusterXchange başvurusu")]
    public void AnExchangeRequest_ScoresAsARequest(string typed)
    {
        var result = recognizer.Recognize(typed, null);

        Assert.Equal(Intent.ApplyForExchange, result.Intent);
        Assert.True(result.Score >= ProfileDialog.JourneyRequestScore, $"{typed}: {result.Score}");
        Assert.True(ProfileDialog.IsJourneyRequest(typed), typed);
    }

    [Theory]
    [InlineData("Výměna textilií a.s.")]
    [InlineData("Centrum výměny znalostí")]
    [InlineData("Burza výměn")]
    [InlineData("Přihlášky online")]
    [InlineData("Textilní zkušební ústav")]
    [InlineData("Inotex")]
    [InlineData("Technická univerzita v Liberci")]
    [InlineData("Klastr CLUTEX")]
    [InlineData("Svaz textilního, oděvního a kožedělného průmyslu")]
    [InlineData("Mobilita plus")]
    public void ACzechOrganisationName_IsNoRequest(string typed) =>
        Assert.False(ProfileDialog.IsJourneyRequest(typed), $"{typed}: {recognizer.Recognize(typed, null)}");
}
