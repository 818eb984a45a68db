using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// "I want to apply step by step" opened the form card, not the questions one at a time that were asked for (only the
/// exact command "apply step by step" reached them); an application request with the step-by-step words of any of the
/// six languages now starts the questions.
/// </summary>
public sealed class ExchangeStepByStepInOwnWordsTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "I want to apply step by step")]
    [InlineData("en", "Can I apply step-by-step, please?")]
    [InlineData("pt", "quero candidatar-me passo a passo")]
    [InlineData("es", "quiero solicitar un intercambio paso a paso")]
    [InlineData("it", "voglio candidarmi passo dopo passo")]
    [InlineData("tr", "adım adım başvurmak istiyorum")]
    [InlineData("cs", "chci podat žádost o výměnu krok za krokem")]
    public async Task AnApplicationAskedStepByStep_StartsTheQuestions(string language, string typed)
    {
        await host.Conversation.SeedProfileAsync(language);
        host.Conversation.Recognizer.Recognized[typed] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await host.Conversation.Flow()
            .Send(typed)
            .AssertReply(ExchangeTexts.Resolve(language).AskHost)
            .StartTestAsync();
    }

    [Fact]
    public async Task AnApplicationWithoutThoseWords_StillOpensTheForm()
    {
        await host.Conversation.SeedProfileAsync("en");
        const string Typed = "I want to apply for an exchange";
        host.Conversation.Recognizer.Recognized[Typed] = new RecognizedIntent(Intent.ApplyForExchange, 0.9, IntentEntities.Empty);

        await host.Conversation.Flow()
            .Send(Typed)
            .AssertReply(r => Assert.NotNull(r.Attachments), "the form card")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("apply step by step", true)]
    [InlineData("APPLY STEP-BY-STEP!", true)]
    [InlineData("one question at a time please", true)]
    [InlineData("vorrei candidarmi passo passo", true)]
    [InlineData("ADIM ADIM başvuru", true)]
    [InlineData("prihlaska krok za krokem", true)]
    [InlineData("I want to apply for an exchange", false)]
    [InlineData("steps by stepping", false)]
    [InlineData("passos a passo", false)]
    [InlineData("", false)]
    public void AsksStepByStep_WholeWordsOfAnyLanguage(string text, bool expected) =>
        Assert.Equal(expected, ExchangeTexts.AsksStepByStep(text));
}
