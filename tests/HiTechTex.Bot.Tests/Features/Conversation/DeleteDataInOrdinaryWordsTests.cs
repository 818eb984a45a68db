using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// "delete my data" asked in ordinary words — politeness around it, the usual verb forms of six languages — used to get
/// "Sorry, I didn't understand" (or be taken as the answer to a first-use question): only the exact phrase worked.
/// </summary>
public sealed class DeleteDataInOrdinaryWordsTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("delete my data please")]
    [InlineData("please delete my data")]
    [InlineData("can you delete my data?")]
    [InlineData("Could you please delete all my data, thanks")]
    [InlineData("remove my data")]
    [InlineData("delete all my data")]
    [InlineData("I'd like to delete my profile")]
    [InlineData("I want you to erase my personal data")]
    [InlineData("borra mis datos")]
    [InlineData("Borre todos mis datos, por favor")]
    [InlineData("¿puedes eliminar mis datos?")]
    [InlineData("quiero borrar mi perfil")]
    [InlineData("apaga os meus dados")]
    [InlineData("apague os meus dados por favor")]
    [InlineData("pode apagar todos os meus dados?")]
    [InlineData("quero eliminar o meu perfil")]
    [InlineData("cancella i miei dati per favore")]
    [InlineData("puoi cancellare tutti i miei dati?")]
    [InlineData("vorrei eliminare il mio profilo")]
    [InlineData("verilerimi silin")]
    [InlineData("lütfen tüm verilerimi silin")]
    [InlineData("Verilerimi silebilir misiniz?")]
    [InlineData("profilimi silmek istiyorum")]
    [InlineData("smažte moje data")]
    [InlineData("Prosím, smažte moje osobní údaje")]
    [InlineData("můžete vymazat má data?")]
    [InlineData("chci smazat svůj profil")]
    [InlineData("forget me please")]
    public void OrdinaryRequests_AreTheDeletion(string typed)
    {
        Assert.True(DeleteDataJourney.IsCommand(typed), typed);
    }

    [Theory]
    [InlineData("do you delete my data after the exchange?")]
    [InlineData("how long do you keep my data")]
    [InlineData("please don't delete my data")]
    [InlineData("I don't want to delete my data")]
    [InlineData("can you delete my data after the exchange is over?")]
    [InlineData("my data")]
    [InlineData("delete")]
    [InlineData("borrar")]
    [InlineData("¿cuándo borran mis datos?")]
    [InlineData("non cancellare i miei dati")]
    [InlineData("verilerimi silmeyin")]
    [InlineData("nemažte moje data")]
    [InlineData("delete my application")]
    [InlineData("cancel my registration")]
    public void MentionsInsideAnotherSentence_AreNot(string typed)
    {
        Assert.False(DeleteDataJourney.IsCommand(typed), typed);
    }

    [Theory]
    [InlineData("delete my data please", "en")]
    [InlineData("can you delete my data?", "en")]
    [InlineData("borra mis datos", "es")]
    [InlineData("apaga os meus dados", "pt")]
    [InlineData("cancella i miei dati per favore", "it")]
    [InlineData("verilerimi silin", "tr")]
    [InlineData("smažte moje data", "cs")]
    public async Task WithAProfile_AsksTheDeleteQuestion(string typed, string language)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(typed)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("1")
            .AssertReply(reply => Assert.NotEqual(texts.DidNotUnderstand, reply.Text))
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
        Assert.Empty(host.Recognizer.Texts);   // a command: not sent to the recognizer
    }

    [Theory]
    [InlineData("delete my data please")]
    [InlineData("please delete my data")]
    [InlineData("verilerimi silin")]
    public async Task DuringTheFirstUseQuestions_IsNoAnswerButTheDeletion(string typed)
    {
        // Was: "Please answer yes or no: shall I call you …?".
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .Send(typed)
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task WithNoProfile_IsTheDeletionWithoutTheFirstUseQuestions()
    {
        await host.Flow()
            .Send("can you delete my data?")
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task AMentionInALongerSentence_IsNotTheDeletion()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("do you delete my data after the exchange?")
            .AssertReply(reply => Assert.False(reply.Text?.StartsWith(ConversationTexts.En.ConfirmDeleteData, StringComparison.Ordinal) == true))
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }
}
