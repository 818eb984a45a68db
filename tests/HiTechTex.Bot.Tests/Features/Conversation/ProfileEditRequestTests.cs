using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A request made at "my profile" — typed at the name or organisation question ("find partners in Italy"), or a menu
/// button clicked there. The user has a profile already, so nothing blocks the request: it is another request while a
/// question waits, like at any journey's question — "Leave what we started?" naming it; yes leaves the profile as it
/// was saved and runs the request, no keeps the question, and neither uses one of its tries. (Typed, it used to be
/// refused with "ask me again once your profile is saved" — which it is — and used a try: three of them gave up.)
/// </summary>
public sealed class ProfileEditRequestTests : IDisposable
{
    private readonly RecordingPartnersJourney partners = new();
    private readonly ConversationTestHost host;

    public ProfileEditRequestTests()
    {
        host = new ConversationTestHost(configureServices: services => services.AddSingleton<IJourney>(partners));
    }

    public void Dispose() => host.Dispose();

    private static readonly (string Language, string Yes, string No, string Request)[] Requests =
    [
        ("en", "yes", "no", "find partners in Italy"),
        ("pt", "sim", "não", "procuro parceiros em Itália"),
        ("es", "sí", "no", "busco socios en Italia"),
        ("it", "sì", "no", "cerco partner in Spagna"),
        ("tr", "evet", "hayır", "İspanya'da ortak arıyorum"),
        ("cs", "ano", "ne", "hledám partnery v Itálii"),
    ];

    public static TheoryData<string, string, string, string> TypedRequests()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (language, yes, no, request) in Requests)
        {
            data.Add(language, yes, no, request);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypedRequests))]
    public async Task MyProfile_ARequestTypedAtTheNameQuestion_AsksToLeave_YesRunsIt_TheProfileAsSaved(string language, string yes, string no, string request)
    {
        var texts = await SeededAsync(language, request);

        await LeftWithAYes(ToTheNameQuestion(texts, no).Send(request), texts.LeaveUnfinishedFor(request), yes).StartTestAsync();

        await AssertRanAsync(language, request);
    }

    /// <summary>
    /// A no to "Leave what we started?" keeps the name question, which has all its tries still: three requests and noes,
    /// then a bad answer and another, and the name typed after them is taken.
    /// </summary>
    [Theory]
    [MemberData(nameof(TypedRequests))]
    public async Task MyProfile_RequestsTypedAtTheNameQuestion_NoKeepsTheQuestion_NoTryUsed(string language, string yes, string no, string request)
    {
        _ = yes;
        var texts = await SeededAsync(language, request);

        await KeptAtEveryTry(ToTheNameQuestion(texts, no), texts, request, no, texts.AskName)
            .Send("=SUM(A1)").AssertReply(_ => { }, "why not").AssertNoReply()
            .Send("=SUM(A2)").AssertReply(_ => { }, "why not").AssertNoReply()
            .Send("Ana Maria Sousa")
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .StartTestAsync();

        Assert.Empty(partners.Starts);
    }

    /// <summary>
    /// "my profile", a no to "Is your organisation still CITEVE?", then requests at the organisation question: each asks
    /// whether to leave; the noes keep the question with all its tries, and the organisation then typed is saved.
    /// </summary>
    [Theory]
    [MemberData(nameof(TypedRequests))]
    public async Task MyProfile_RequestsTypedAtTheOrganisationQuestion_NoKeepsTheQuestion_NoTryUsed(string language, string yes, string no, string request)
    {
        _ = yes;
        host.Recognizer.Recognized[request] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        var texts = ConversationTexts.For(language);
        var flow = (await host.UpToTheKeptOrganisationQuestionAsync(language, "CITEVE", "hitechtex-citeve"))
            .Send(no)
            .AssertReply(texts.AskOrganisation);

        await KeptAtEveryTry(flow, texts, request, no, texts.AskOrganisation)
            .Send("Tintex")
            .AssertReply(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana"))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "Tintex", null, language), await host.ReadProfileAsync());
        Assert.Empty(partners.Starts);
    }

    /// <summary>
    /// "my profile": a request typed at "Shall I call you Ana Sousa?" or "Is your organisation still CITEVE?" — no yes or
    /// no (it was a failed one, using a try) — asks "Leave what we started?" as at the name question: each no keeps the
    /// yes-or-no question with all its tries, a yes leaves the profile as saved and runs the request.
    /// </summary>
    [Theory]
    [MemberData(nameof(TypedRequests))]
    public async Task MyProfile_ARequestTypedAtTheYesOrNoQuestions_AsksToLeave_NoKeepsTheQuestion_YesRunsIt(string language, string yes, string no, string request)
    {
        var texts = await SeededAsync(language, request);

        var flow = KeptAtEveryTry(
            ToTheConfirmNameQuestion(texts),
            texts, request, no, texts.ConfirmNameAgain("Ana Sousa"));
        flow = KeptAtEveryTry(flow.Send(yes).AssertReply(texts.ConfirmOrganisationKept("CITEVE")), texts, request, no, texts.ConfirmOrganisationKept("CITEVE"));
        await LeftWithAYes(flow.Send(request), texts.LeaveUnfinishedFor(request), yes).StartTestAsync();

        await AssertRanAsync(language, request);
    }

    /// <summary>
    /// A no with a request in it at "Shall I call you Ana Sousa?" ("no, find partners in Italy") is still a no: the name
    /// question, not "Leave what we started?" (only a request with no yes or no in it is asked about).
    /// </summary>
    [Fact]
    public async Task MyProfile_ANoWithARequestAtShallICallYou_IsANo()
    {
        var texts = await SeededAsync("en", "no, find partners in Italy");

        await ToTheConfirmNameQuestion(texts)
            .Send("no, find partners in Italy").AssertReply(texts.AskName).AssertNoReply()
            .StartTestAsync();

        Assert.Empty(partners.Starts);
    }

    /// <summary>
    /// "my profile": a request no journey answers, typed at the name question, is refused there with words true at
    /// "my profile" — answer the question, or cancel to stop editing the profile — and the cancel word it names (in the
    /// user's language) stops editing, the profile as saved. (It said "ask me again once your profile is saved", and the
    /// profile is saved.)
    /// </summary>
    [Theory]
    [MemberData(nameof(TypedRequests))]
    public async Task MyProfile_ARequestNoJourneyAnswersAtTheNameQuestion_SaysHowToStopEditing_AndThatWordStopsIt(string language, string yes, string no, string request)
    {
        _ = yes;
        var texts = await SeededAsync(language, journeyRequest: null);
        var cancel = QuotedWord(texts.NameIsRequest);

        await ToTheNameQuestion(texts, no)
            .Send(request).AssertReply($"{texts.NameIsRequest} {texts.AskName}").AssertNoReply()
            .Send(cancel).AssertReply(texts.Cancelled)
            .StartTestAsync();

        await AssertTheProfileAsSavedAsync(language);
        Assert.Empty(partners.Starts);
        Assert.Equal(cancel, QuotedWord(texts.OrganisationIsRequest));
    }

    /// <summary>The one quoted word in <paramref name="text"/> ("cancel", "cancelar", "annulla", "iptal", "zrušit").</summary>
    private static string QuotedWord(string text)
    {
        var parts = text.Split('"');
        Assert.Equal(3, parts.Length);
        return parts[1];
    }

    public static TheoryData<string, string, string, string> LanguagesAndClicks()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (language, yes, no, _) in Requests)
        {
            data.Add(language, yes, no, "submit");
            data.Add(language, yes, no, "execute");
        }

        return data;
    }

    /// <summary>The menu's "Find partners" at the name question of "my profile", an Action.Submit or an Action.Execute: as the request typed there.</summary>
    [Theory]
    [MemberData(nameof(LanguagesAndClicks))]
    public async Task MyProfile_AMenuButtonAtTheNameQuestion_AsksToLeave_NoKeepsTheQuestion_YesRunsIt(string language, string yes, string no, string way)
    {
        var texts = await SeededAsync(language, journeyRequest: null);
        var leave = texts.LeaveUnfinishedFor(ConversationCards.ButtonLabel(texts, "findPartners")!);

        var flow = ToTheNameQuestion(texts, no)
            .Send(() => Click(way))
            .AssertReply(leave)
            .AssertNoReply()
            .Send(no)
            .AssertReply(texts.KeepUnfinished)
            .AssertReply(texts.AskName)
            .AssertNoReply()
            .Send(() => Click(way));
        await LeftWithAYes(flow, leave, yes).StartTestAsync();

        await AssertTheProfileAsSavedAsync(language);
        Assert.Equal("findPartners", Assert.Single(partners.Starts).CardAction);
    }

    /// <summary>
    /// <paramref name="request"/> typed at the question that waits, and a no to leaving it, as many times as the question
    /// has tries: each time the question again, none of its tries used.
    /// </summary>
    private static TestFlow KeptAtEveryTry(TestFlow flow, ConversationTexts texts, string request, string no, string question)
    {
        for (var i = 0; i < ProfileDialog.ProfileAttempts; i++)
        {
            flow = flow
                .Send(request)
                .AssertReply(texts.LeaveUnfinishedFor(request))
                .Send(no)
                .AssertReply(texts.KeepUnfinished)
                .AssertReply(question)
                .AssertNoReply();
        }

        return flow;
    }

    /// <summary>"Leave what we started?" (<paramref name="leave"/>) answered yes: the partners journey starts, nothing else is said.</summary>
    private static TestFlow LeftWithAYes(TestFlow flow, string leave, string yes) => flow
        .AssertReply(leave)
        .AssertNoReply()
        .Send(yes)
        .AssertReply("journey started")
        .AssertNoReply();

    /// <summary>The profile left as seeded: leaving "my profile" saves none of its answers.</summary>
    private async Task AssertTheProfileAsSavedAsync(string language) =>
        Assert.Equal(new UserProfile("Ana Sousa", "CITEVE", "hitechtex-citeve", language), await host.ReadProfileAsync());

    /// <summary>The profile seeded (Ana Sousa, CITEVE); <paramref name="journeyRequest"/>, if any, one the partners journey answers.</summary>
    private async Task<ConversationTexts> SeededAsync(string language, string? journeyRequest)
    {
        await host.SeedProfileAsync(language, name: "Ana Sousa", organisation: "CITEVE", organisationId: "hitechtex-citeve");
        if (journeyRequest is not null)
        {
            host.Recognizer.Recognized[journeyRequest] = new RecognizedIntent(Intent.FindPartners, 0.9, IntentEntities.Empty);
        }

        return ConversationTexts.For(language);
    }

    /// <summary>The profile left as seeded, and <paramref name="request"/> run by the partners journey.</summary>
    private async Task AssertRanAsync(string language, string request)
    {
        await AssertTheProfileAsSavedAsync(language);
        Assert.Equal(request, Assert.Single(partners.Starts).Text);
    }

    private TestFlow ToTheConfirmNameQuestion(ConversationTexts texts) => host.Flow()
        .Send(texts.ProfileWord)
        .AssertReply(_ => { }, "the profile")
        .AssertReply(texts.ConfirmNameAgain("Ana Sousa"));

    private TestFlow ToTheNameQuestion(ConversationTexts texts, string no) => ToTheConfirmNameQuestion(texts)
        .Send(no)
        .AssertReply(texts.AskName);

    private Activity Click(string way) => way == "submit"
        ? host.Submit(new { action = "findPartners" })
        : host.Adapter.MakeExecute("menu", JsonSerializer.SerializeToElement(new { action = "findPartners" }));
}
