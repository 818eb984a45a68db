using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Language;

/// <summary>
/// A request to apply that says "step by step" (in any of the six languages) is an application request the recognizer
/// understands, and <see cref="ExchangeTexts.AsksStepByStep"/> reads the step-by-step wish in it — together they start
/// the step-by-step application instead of the form. Czech and Spanish ways of asking to apply that were "didn't
/// understand" are applications now.
/// </summary>
public sealed class StepByStepApplicationTests
{
    private readonly LocalIntentRecognizer recognizer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("I want to apply step by step", "en-US")]
    [InlineData("apply for an exchange step-by-step please", "en-US")]
    [InlineData("can I fill in the application one question at a time?", "en-US")]
    [InlineData("quero candidatar-me passo a passo", "pt-PT")]
    [InlineData("quero fazer a candidatura passo-a-passo", "pt-PT")]
    [InlineData("quiero hacer la solicitud paso a paso", "es-ES")]
    [InlineData("quiero solicitar un intercambio paso a paso", "es-ES")]
    [InlineData("voglio candidarmi passo passo", "it-IT")]
    [InlineData("voglio fare domanda passo dopo passo", "it-IT")]
    [InlineData("adım adım başvurmak istiyorum", "tr-TR")]
    [InlineData("chci podat žádost o výměnu krok za krokem", "cs-CZ")]
    [InlineData("přihláška krok za krokem", "cs-CZ")]
    [InlineData("chci vyplnit přihlášku krok po kroku", "cs-CZ")]
    public void ApplyStepByStep_AnApplicationThatAsksForTheStepByStepWay(string text, string locale)
    {
        Assert.Equal(Intent.ApplyForExchange, recognizer.Recognize(text, locale).Intent);
        Assert.True(ExchangeTexts.AsksStepByStep(text));
    }

    [Theory]
    [InlineData("chci podat žádost", "cs-CZ")]
    [InlineData("chci podat žádost o stáž", "cs-CZ")]
    [InlineData("chci vyplnit přihlášku", "cs-CZ")]
    [InlineData("přihláška", "cs-CZ")]
    [InlineData("quiero hacer la solicitud", "es-ES")]
    [InlineData("quiero presentar una solicitud", "es-ES")]
    [InlineData("quero fazer uma candidatura", "pt-PT")]
    [InlineData("vorrei presentare domanda", "it-IT")]
    [InlineData("I'd like to submit an application", "en-US")]
    public void AskedToApplyInOtherWords_AnApplication_TheForm(string text, string locale)
    {
        Assert.Equal(Intent.ApplyForExchange, recognizer.Recognize(text, locale).Intent);
        Assert.False(ExchangeTexts.AsksStepByStep(text));
    }

    [Theory]
    [InlineData("přihláška na školení", "cs-CZ", Intent.RegisterForCoaching)]
    [InlineData("moje přihlášky", "cs-CZ", Intent.MyApplications)]
    [InlineData("zrušit žádost", "cs-CZ", Intent.MyApplications)]
    [InlineData("mis solicitudes", "es-ES", Intent.MyApplications)]
    [InlineData("register me for a coaching session step by step", "en-US", Intent.RegisterForCoaching)]
    public void OtherRequests_StayWhatTheyWere(string text, string locale, Intent expected)
    {
        Assert.Equal(expected, recognizer.Recognize(text, locale).Intent);
    }

    [Theory]
    [InlineData("STEP BY STEP", true)]
    [InlineData("step-by-step", true)]
    [InlineData("(passo a passo)", true)]
    [InlineData("Adim adim", true)]
    [InlineData("krok za krokem!", true)]
    [InlineData("otázku po otázce", true)]
    [InlineData("stepbystep", false)]
    [InlineData("the next step", false)]
    [InlineData("a big step by the team", false)]
    [InlineData("passo", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AsksStepByStep_WholeWordsOfAnyLanguage(string? text, bool expected)
    {
        Assert.Equal(expected, ExchangeTexts.AsksStepByStep(text));
    }

    [Fact]
    public void EveryLanguage_HasStepByStepWords_ThatItsOwnCommandsUse()
    {
        foreach (var texts in ExchangeTexts.All)
        {
            Assert.NotEmpty(texts.StepByStepWords);
            Assert.All(texts.StepByStepCommands, command => Assert.True(ExchangeTexts.AsksStepByStep(command), $"{texts.Language}: {command}"));
        }
    }
}
