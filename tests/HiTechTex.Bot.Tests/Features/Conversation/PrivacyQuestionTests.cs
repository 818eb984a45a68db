using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A question about what the bot keeps or deletes is answered with what is stored and how to delete it. Before: "do you
/// delete my data after the exchange?" opened the application form (the recognizer heard "exchange").
/// </summary>
public sealed class PrivacyQuestionTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("do you delete my data after the exchange?")]
    [InlineData("Do you delete my data after the exchange")]
    [InlineData("what data do you keep?")]
    [InlineData("What do you store about me?")]
    [InlineData("how long do you keep my data after the exchange?")]
    [InlineData("privacy")]
    [InlineData("GDPR")]
    [InlineData("o que guardam sobre mim?")]
    [InlineData("vocês apagam os meus dados depois do intercâmbio?")]
    [InlineData("que dados guardam?")]
    [InlineData("¿qué datos guardan?")]
    [InlineData("¿borran mis datos después del intercambio?")]
    [InlineData("qué guardan sobre mí?")]
    [InlineData("cosa conservate dei miei dati?")]
    [InlineData("cancellate i miei dati dopo lo scambio?")]
    [InlineData("quali dati salvate?")]
    [InlineData("verilerimi siliyor musunuz?")]
    [InlineData("hangi verileri saklıyorsunuz?")]
    [InlineData("jaké údaje uchováváte?")]
    [InlineData("mažete moje data po výměně?")]
    public void IsQuestion_AQuestionAboutWhatIsKeptOrDeleted_Recognized(string typed)
    {
        Assert.True(PrivacyQuestion.IsQuestion(typed));
    }

    [Theory]
    [InlineData("delete my data")]                          // the request: the caller's DeleteDataRequest (see below)
    [InlineData("I want to apply for an exchange")]
    [InlineData("what data do I need to apply?")]
    [InlineData("qual é a data do intercâmbio?")]          // Portuguese "data" is a date
    [InlineData("qual è la data di inizio dello scambio?")] // Italian too
    [InlineData("cancella i miei dati")]
    [InlineData("how many exchanges can I do?")]
    [InlineData("¿qué sabes sobre mi solicitud?")]
    [InlineData("my data")]
    [InlineData("")]
    public void IsQuestion_OtherMessages_NotRecognized(string typed)
    {
        Assert.False(PrivacyQuestion.IsQuestion(typed) && !DeleteDataRequest.IsRequest(typed));
    }

    [Theory]
    [InlineData("en", "do you delete my data after the exchange?")]
    [InlineData("pt", "o que guardam sobre mim?")]
    [InlineData("es", "¿qué datos guardan?")]
    [InlineData("it", "cosa conservate dei miei dati?")]
    [InlineData("tr", "verilerimi siliyor musunuz?")]
    [InlineData("cs", "jaké údaje uchováváte?")]
    public async Task PrivacyQuestion_WithAProfile_AnsweredWithWhatIsKeptAndHowToDelete_NoJourney(string language, string question)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);
        host.Recognizer.Recognized[question] = new RecognizedIntent(Intent.ApplyForExchange, 0.8, IntentEntities.Empty);

        await host.Flow()
            .Send(question)
            .AssertReply(texts.PrivacyAnswer)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Contains($"\"{texts.DeleteDataCommands[0]}\"", texts.PrivacyAnswer, StringComparison.Ordinal);
        Assert.Empty(host.Recognizer.Texts);
        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task PrivacyQuestion_BeforeTheUserHasAProfile_AnsweredWithoutTheFirstUseQuestions()
    {
        await host.Flow()
            .Send("what data do you keep?")
            .AssertReply(ConversationTexts.En.PrivacyAnswer)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task DeleteMyData_TheRequest_StillAsksToConfirm()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("delete my data")
            .AssertReply(reply => Assert.StartsWith(ConversationTexts.En.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("please delete my data")
            .AssertReply(reply => Assert.NotEqual(ConversationTexts.En.PrivacyAnswer, reply.Text))
            .StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void PrivacyAnswer_NamesTheDeleteCommandOfItsLanguage(string language)
    {
        var texts = ConversationTexts.For(language);
        Assert.Contains(texts.DeleteDataCommands[0], texts.PrivacyAnswer, StringComparison.Ordinal);
        Assert.True(DeleteDataRequest.IsRequest(texts.DeleteDataCommands[0]) || texts.DeleteDataCommands.Contains(texts.DeleteDataCommands[0]));
    }

    public static TheoryData<string> Languages => [.. ConversationTexts.All.Select(t => t.Language)];
}
