using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The first-use "shall I call you …?" understands yes and no in any of the six languages (the user's is not known yet),
/// but not a word that is an answer in one language and an ordinary word in another: Italian "ne" ("of it"), Portuguese
/// and Italian "e" ("and"), "a" ("to", "the"), and "and" in the client's own language (Czech "a", Spanish "y") are asked again, never taken as Czech "no" or Turkish "yes"; in the
/// client's own language — Czech "ne", Turkish "e" — and in a message clearly Czech they still answer.
/// </summary>
public sealed class ProfileYesNoAnswersTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("it-IT", "ne")]
    [InlineData("it-IT", "e")]
    [InlineData("pt-PT", "e")]
    [InlineData("pt-PT", "a")]
    [InlineData("es-ES", "a")]
    [InlineData("en-US", "ne")]
    [InlineData("tr-TR", "ne")]
    [InlineData("cs-CZ", "a")]     // Czech "and" on a Czech client
    [InlineData("es-ES", "y")]     // Spanish "and", not English "y" (yes), on a Spanish client
    public async Task ShallICallYou_AnotherLanguagesOrdinaryWord_AskedAgain_NothingDecided(string locale, string typed)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(locale[..2]);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(typed)
            .AssertReplyContains(texts.ConfirmNameRetry("Ana"))
            .Send(texts.Language switch { "pt" => "sim", "it" => "sì", "tr" => "evet", "es" => "sí", _ => "yes" })
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("cs-CZ", "ne")]          // the client's language: Czech "no"
    [InlineData("en-US", "ne, děkuji")]  // clearly Czech
    [InlineData("it-IT", "no")]
    [InlineData("pt-PT", "não")]
    public async Task ShallICallYou_ARealNo_AsksForTheName(string locale, string typed)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(locale[..2]);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(typed)
            .AssertReply(texts.AskName)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("tr-TR", "e")]     // the client's language: Turkish "yes"
    [InlineData("en-US", "evt")]
    [InlineData("en-US", "jj")]
    [InlineData("pt-PT", "okey")]
    public async Task ShallICallYou_ARealYes_KeepsTheNameAndAsksTheOrganisation(string locale, string typed)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(locale[..2]);

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(typed)
            .AssertReply(texts.AskOrganisation)
            .StartTestAsync();
    }
}
