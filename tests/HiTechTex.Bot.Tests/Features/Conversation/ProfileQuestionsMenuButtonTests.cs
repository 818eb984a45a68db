using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A menu button clicked at a first-use question — the welcome card's "Find partners" above "What name should I use?",
/// an Action.Submit or an Action.Execute — was read as a failed answer: the question's retry, one of its three tries
/// used, and the request lost. Now it is no answer: a journey's button is kept and run once the profile is saved, as a
/// request typed at the name or organisation question is ("Before I do that, I need your name…"), and the question is
/// asked again without using a try; the help card's and the menu's buttons show their card on top, "My profile" is
/// under way already. Turn by turn, in the six languages.
/// </summary>
public sealed class ProfileQuestionsMenuButtonTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    public static TheoryData<string, string, string, string> LanguagesAndClicks()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (language, locale, no) in new[] { ("en", "en-GB", "no"), ("pt", "pt-PT", "não"), ("es", "es-ES", "no"), ("it", "it-IT", "no"), ("tr", "tr-TR", "hayır"), ("cs", "cs-CZ", "ne") })
        {
            data.Add(language, locale, no, "submit");
            data.Add(language, locale, no, "execute");
        }

        return data;
    }

    /// <summary>A click of a button with <paramref name="data"/>, <paramref name="way"/>: an Action.Submit, or an Action.Execute of the same data.</summary>
    private Activity Click(string way, object data) => way == "submit"
        ? host.Submit(data)
        : host.Adapter.MakeExecute("menu", JsonSerializer.SerializeToElement(data));

    /// <summary>The text an Action.Execute click's invoke response shows on the card (none for an Action.Submit).</summary>
    internal static void AssertCardSays(InvokeResponse? response, string way, string text)
    {
        if (way == "submit")
        {
            return;
        }

        var body = JsonSerializer.Serialize(response!.Body);
        Assert.Contains(JsonSerializer.Serialize(text)[1..^1], body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task FindPartnersButton_AtTheNameQuestion_IsKept_TheNameAskedAgain_TheRequestRunAfterTheProfile(string language, string locale, string no, string way)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send(no)
            .AssertReply(texts.AskName)
            .Kept(() => Click(way, new { action = "findPartners" }), way, texts.NameFirst, texts.AskName)
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana Sousa")
            .AssertReply(texts.ComingSoon(texts.FindPartners))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task ApplyButton_AtTheOrganisationQuestion_IsKept_TheQuestionAskedAgain_TheRequestRunAfterTheProfile(string language, string locale, string no, string way)
    {
        _ = no;
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send(YesOf(language))
            .AssertReply(texts.AskOrganisation)
            .Kept(() => Click(way, new { action = "applyExchange" }), way, texts.OrganisationFirst, texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana")
            .AssertReply(texts.ComingSoon(texts.ApplyExchange))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal("CITEVE", (await host.ReadProfileAsync())?.Organisation);
    }

    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task BookButton_AtShallICallYouAndTheLanguageQuestion_IsKept_AskedAgain_TheLatestRunAfterTheProfile(string language, string locale, string no, string way)
    {
        _ = no;
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Kept(() => Click(way, new { action = "findPartners" }), way, texts.ProfileFirst, texts.ConfirmName("Ana"))
            .Send(YesOf(language))
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(r => Assert.StartsWith(texts.AskLanguage, r.Text, StringComparison.Ordinal), "the language question")
            .Send(() => Click(way, new { action = "bookSession" }))
            .AssertReply(texts.ProfileFirst)
            .AssertReply(r => Assert.StartsWith(texts.AskLanguage, r.Text, StringComparison.Ordinal), "the language question again")
            .AssertNoReply()
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana"))
            .AssertReply(texts.ComingSoon(texts.BookSession))
            .AssertNoReply()
            .StartTestAsync();
    }

    /// <summary>
    /// Three clicks at the name question use none of its three tries: the question is still asked, and a name then
    /// typed is taken (a click used to count: after two, one bad answer gave up and left the name unset).
    /// </summary>
    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task ButtonsAtTheNameQuestion_UseNoTry(string way)
    {
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Send(() => Click(way, new { action = "findPartners" })).AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send(() => Click(way, new { action = "findPartners" })).AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send(() => Click(way, new { action = "applyExchange" })).AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("=SUM(A1)").AssertReply(_ => { }, "why not").AssertNoReply()
            .Send("=SUM(A2)").AssertReply(_ => { }, "why not").AssertNoReply()
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send("English")
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .AssertReply(texts.ComingSoon(texts.ApplyExchange))
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    /// <summary>The help button at a first-use question: as "help" typed there — the help card, how to go on, the question again.</summary>
    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task HelpButton_AtTheNameQuestion_AsHelpTypedThere(string language, string locale, string no, string way)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send(no)
            .AssertReply(texts.AskName)
            .Send(() => Click(way, new { action = "help" }))
            .AssertReply(r => Assert.Single(r.Attachments!), "the help card")
            .AssertReply(texts.EngineHelp)
            .AssertReply(texts.AskName)
            .AssertNoReply()
            .Send(() => Click(way, new { action = "welcome" }))
            .AssertReply(r => Assert.Single(r.Attachments!), "the welcome card")
            .AssertReply(texts.AskName)
            .AssertNoReply()
            .Send(() => Click(way, new { action = EditProfileDialog.CardAction }))
            .AssertReply(texts.AlreadyUnderway)
            .AssertReply(texts.AskName)
            .AssertNoReply()
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana Sousa")
            .AssertReply(_ => { }, "what brought the questions: the greeting's answer")
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    /// <summary>
    /// Only the latest request made at the first-use questions is run after the profile: a button clicked after a request
    /// typed at the name question (at that question, or at the organisation question) replaces it, and a request typed
    /// after a button replaces the button.
    /// </summary>
    [Theory]
    [InlineData("submit")]
    [InlineData("execute")]
    public async Task TheLatestRequest_TypedOrClicked_IsTheOneRunAfterTheProfile(string way)
    {
        var texts = ConversationTexts.En;
        host.Recognizer.Recognized["find partners in Italy"] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Kept(() => Click(way, new { action = "bookSession" }), way, texts.NameFirst, texts.AskName)
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana Sousa")
            .AssertReply(texts.ComingSoon(texts.BookSession))
            .AssertNoReply()
            .StartTestAsync();

        Assert.DoesNotContain("find partners in Italy", host.Recognizer.Texts);
        await host.Storage.DeleteAsync([ConversationTestHost.UserKey]);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .Kept(() => Click(way, new { action = "applyExchange" }), way, texts.OrganisationFirst, texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana Sousa")
            .AssertReply(texts.ComingSoon(texts.ApplyExchange))
            .AssertNoReply()
            .StartTestAsync();

        Assert.DoesNotContain("find partners in Italy", host.Recognizer.Texts);
        await host.Storage.DeleteAsync([ConversationTestHost.UserKey]);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Kept(() => Click(way, new { action = "bookSession" }), way, texts.NameFirst, texts.AskName)
            .Send("find partners in Italy").AssertReply(texts.NameFirst).AssertReply(texts.AskName)
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .SavedFromTheOrganisation(texts, "Ana Sousa")
            .AssertReply(r => Assert.NotEqual(texts.ComingSoon(texts.BookSession), r.Text), "the typed request's answer")
            .StartTestAsync();

        Assert.Equal("find partners in Italy", host.Recognizer.Texts[^1]);
    }

    /// <summary>
    /// A button no journey takes, clicked as an Action.Execute at a first-use question: read by the question, which does
    /// not take it (its retry, one try) — and the card says the click was no answer, where it said "Thanks, got it.".
    /// </summary>
    [Theory]
    [InlineData("en", "en-GB")]
    [InlineData("pt", "pt-PT")]
    [InlineData("es", "es-ES")]
    [InlineData("it", "it-IT")]
    [InlineData("tr", "tr-TR")]
    [InlineData("cs", "cs-CZ")]
    public async Task AButtonTheQuestionDoesNotTake_AsAnActionExecute_TheCardSaysItWasNoAnswer(string language, string locale)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(texts.ConfirmName("Ana"))
            .Send(() => Click("execute", new { action = "noSuchButton" }))
            .AssertReply(texts.ConfirmNameRetry("Ana"))
            .AssertInvokeResponse(r =>
            {
                AssertCardSays(r, "execute", texts.ClickNotTaken);
                Assert.DoesNotContain(JsonSerializer.Serialize(texts.FormReceived)[1..^1], JsonSerializer.Serialize(r!.Body), StringComparison.Ordinal);
            })
            .AssertNoReply()
            .StartTestAsync();
    }

    private static string YesOf(string language) => language switch
    {
        "pt" => "sim",
        "es" => "sí",
        "it" => "sì",
        "tr" => "evet",
        "cs" => "ano",
        _ => "yes",
    };
}

/// <summary>Steps of the first-use questions shared by the tests above.</summary>
file static class FirstUseSteps
{
    /// <summary>
    /// The first-use questions from the organisation question on: "CITEVE", the language question answered in
    /// <paramref name="texts"/>' language, and the profile saved with <paramref name="name"/>.
    /// </summary>
    public static TestFlow SavedFromTheOrganisation(this TestFlow flow, ConversationTexts texts, string name) => flow
        .Send("CITEVE")
        .AssertReply(_ => { }, "the language question")
        .Send(texts.LanguageName)
        .AssertReply(texts.ProfileSaved(name));

    /// <summary>
    /// A menu button clicked (<paramref name="click"/>, <paramref name="way"/>) at a first-use question: kept —
    /// <paramref name="said"/> (on the card too for an Action.Execute), then <paramref name="question"/> again.
    /// </summary>
    public static TestFlow Kept(this TestFlow flow, Func<Activity> click, string way, string said, string question) => flow
        .Send(click)
        .AssertReply(said)
        .AssertReply(question)
        .AssertInvokeResponse(r => ProfileQuestionsMenuButtonTests.AssertCardSays(r, way, said))
        .AssertNoReply();
}
