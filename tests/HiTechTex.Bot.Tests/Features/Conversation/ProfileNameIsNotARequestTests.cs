using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A request typed at the name question ("What name should I use?" — "find partners in Italy") is not taken as the
/// person's name: before, "Thanks, find partners in Italy! Your profile is saved." and that name went on every card.
/// </summary>
public sealed class ProfileNameIsNotARequestTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "en-GB", "no", "find partners in Italy")]
    [InlineData("pt", "pt-PT", "não", "procuro parceiros em Itália")]
    [InlineData("es", "es-ES", "no", "busco socios en Italia")]
    [InlineData("it", "it-IT", "no", "cerco partner in Spagna")]
    [InlineData("tr", "tr-TR", "hayır", "İspanya'da ortak arıyorum")]
    [InlineData("cs", "cs-CZ", "ne", "hledám partnery v Itálii")]
    public async Task FirstUse_ARequestAtTheNameQuestion_IsRefusedAndTheNameAskedAgain(string language, string locale, string no, string request)
    {
        host.Adapter.Locale = locale;
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send(no)
            .AssertReply(texts.AskName)
            .Send(request)
            .AssertReply($"{texts.NameIsRequest} {texts.AskName}")
            .AssertNoReply()
            .Send("Ana Sousa")
            .AssertReply(texts.AskOrganisation)
            .Send("CITEVE")
            .AssertReply(_ => { }, "the language question")
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal("Ana Sousa", (await host.ReadProfileAsync())?.Name);
    }

    [Fact]
    public async Task MyProfile_ARequestAtTheNameQuestion_KeepsTheSavedNameAfterTheAttempts()
    {
        await host.SeedProfileAsync("en", name: "Ana Sousa");
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send("no")
            .AssertReply(texts.AskName)
            .Send("find partners in Italy").AssertReply($"{texts.NameIsRequest} {texts.AskName}")
            .Send("I want to apply for an exchange").AssertReply($"{texts.NameIsRequest} {texts.AskName}")
            .Send("find a dyeing partner in Spain").AssertReply(texts.NameIsRequest).AssertReply(texts.NameKept("Ana Sousa"))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Ana Sousa")]
    [InlineData("Maria Partner")]
    [InlineData("Giulia Bianchi")]
    [InlineData("Ayşe Yılmaz")]
    [InlineData("Jan Novák")]
    public async Task AnOrdinaryName_IsTakenAsBefore(string name)
    {
        await host.Flow()
            .Send("hello")
            .AssertReply(_ => { }, "shall I call you Ana?")
            .Send("no")
            .AssertReply(ConversationTexts.En.AskName)
            .Send(name)
            .AssertReply(ConversationTexts.En.AskOrganisation)
            .StartTestAsync();
    }

    [Fact]
    public void TheRefusal_IsWrittenInEveryLanguage() =>
        Assert.Equal(ConversationTexts.All.Count, ConversationTexts.All.Select(t => t.NameIsRequest).Where(t => t.Length > 0).Distinct().Count());
}
