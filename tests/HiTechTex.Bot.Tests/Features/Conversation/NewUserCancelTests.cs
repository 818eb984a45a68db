using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// "cancel" from someone with no profile yet: nothing is in progress, so it says so — it used to start the first-use
/// questions, which the next "cancel" cancelled, and so on, every other message.
/// </summary>
public sealed class NewUserCancelTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en-US", "cancel", "en")]
    [InlineData("pt-PT", "cancelar", "pt")]
    [InlineData("es-ES", "cancelar por favor", "es")]
    [InlineData("it-IT", "annulla", "it")]
    [InlineData("tr-TR", "iptal", "tr")]
    [InlineData("cs-CZ", "zrušit", "cs")]
    public async Task Cancel_WithNoProfile_SaysNothingIsInProgressEveryTimeWithoutTheFirstUseQuestions(string locale, string cancel, string language)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(cancel)
            .AssertReply(texts.NothingToCancel)
            .AssertNoReply()
            .Send(cancel)
            .AssertReply(texts.NothingToCancel)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
        Assert.Empty(host.Recognizer.Texts);
    }

    [Fact]
    public async Task Cancel_WithNoProfile_ThenAnyOtherMessage_StartsTheFirstUseQuestions()
    {
        await host.Flow()
            .Send("cancel")
            .AssertReply(ConversationTexts.En.NothingToCancel)
            .Send("hello")
            .AssertReplyContains("Nice to meet you!")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("it-IT", "cancella", "it")]
    [InlineData("it-IT", "Cancella!", "it")]
    [InlineData("it-IT", "cancellare", "it")]
    [InlineData("it-IT", "annulla", "it")]
    [InlineData("pt-PT", "cancele", "pt")]
    [InlineData("pt-PT", "cancela", "pt")]
    [InlineData("es-ES", "cancela", "es")]
    [InlineData("es-ES", "cancele", "es")]
    [InlineData("tr-TR", "iptal", "tr")]
    [InlineData("tr-TR", "iptal edin", "tr")]
    [InlineData("cs-CZ", "zruš", "cs")]
    [InlineData("cs-CZ", "zrušte", "cs")]
    public async Task ImperativeCancelWord_AsTheWholeAnswerToAQuestion_CancelsInTheUsersLanguage(string locale, string cancel, string language)
    {
        // Before: Italian "cancella" was taken as the answer (here: the name to use) instead of cancelling.
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { })
            .Send("no")
            .AssertReply(texts.AskName)
            .Send(cancel)
            .AssertReply(texts.Cancelled)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task Cancel_DuringTheFirstUseQuestions_CancelsThemOnceThenNothingIsInProgress()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Nice to meet you!")
            .Send("cancel")
            .AssertReply(ConversationTexts.En.Cancelled)
            .AssertNoReply()
            .Send("cancel")
            .AssertReply(ConversationTexts.En.NothingToCancel)
            .AssertNoReply()
            .StartTestAsync();
    }
}
