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
