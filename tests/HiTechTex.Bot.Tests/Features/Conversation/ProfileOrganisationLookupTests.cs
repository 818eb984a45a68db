using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The profile's organisation question against the partner directory: a short name, whole name or initials is taken
/// with its id; a name several organisations may have is a short choice with "None of these"; a short common string
/// ("Ana") offers nothing and is kept as typed.
/// </summary>
public sealed class ProfileOrganisationLookupTests : IDisposable
{
    private static readonly IReadOnlyList<Organisation> Directory = PartnerSeedData.Create(new PartnersOptions());

    private readonly ConversationTestHost host = new(configureServices: services =>
    {
        var directory = new Mock<IPartnerDirectory>();
        directory.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Directory);
        services.AddSingleton(directory.Object);
        services.Replace(ServiceDescriptor.Singleton<IOrganisationLookup, DirectoryOrganisationLookup>());
    });

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("en", "CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("pt", "Trabalho na CITEVE", HiTechTexPartners.CiteveId)]
    [InlineData("it", "NTT", HiTechTexPartners.TecnotessileId)]
    [InlineData("cs", "clutex", HiTechTexPartners.ClutexId)]
    public async Task OrganisationQuestion_ShortNameOfOneOrganisation_SavedWithTheDirectoryNameAndId(string language, string typed, string id)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);

        // Act
        await StartAsync(texts)
            .Send(typed)
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        // Assert
        var profile = await SaveAsync(texts);
        Assert.Equal(id, profile.OrganisationId);
        Assert.Equal(Directory.Single(o => o.Id == id).Name, profile.Organisation);
    }

    [Fact]
    public async Task OrganisationQuestion_AShortStringInsideManyNames_NoChoiceKeptAsTypedWithoutId()
    {
        // Arrange: "ana" is inside many names of the directory ("Anadolu …", "… Toscana", "Mariana …").
        var texts = ConversationTexts.En;
        Assert.True(Directory.Count(o => TextFolding.Fold(o.Name).Contains("ana", StringComparison.Ordinal)) > 5);

        // Act
        await StartAsync(texts)
            .Send("Ana")
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        // Assert
        var profile = await SaveAsync(texts);
        Assert.Equal(("Ana", (string?)null), (profile.Organisation, profile.OrganisationId));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("tr")]
    public async Task OrganisationQuestion_ANameOfSeveral_AtMostFiveChoicesAndNoneOfThese_TheChosenOneSaved(string language)
    {
        // Arrange
        host.Adapter.Locale = language;
        var texts = ConversationTexts.For(language);
        IList<string> offered = [];

        // Act
        await StartAsync(texts)
            .Send("Textil")
            .AssertReply(reply =>
            {
                Assert.Equal(texts.ChooseOrganisation, reply.Text);
                offered = Buttons(reply);
                Assert.InRange(offered.Count, 3, ProfileDialog.MaxOrganisationChoices + 1);
                Assert.Equal(texts.NoneOfTheseOrganisations, offered[^1]);
            }, "the choice")
            .Send("2")
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        // Assert
        var profile = await SaveAsync(texts);
        var chosen = Directory.Single(o => o.Id == profile.OrganisationId);
        Assert.Equal(offered[1], $"{chosen.Name} ({chosen.City}, {chosen.Country})");
        Assert.Equal(chosen.Name, profile.Organisation);
    }

    [Fact]
    public async Task OrganisationQuestion_NoneOfTheseThenTheSameNameAgain_KeptAsTypedWithoutId()
    {
        var texts = ConversationTexts.En;

        await StartAsync(texts)
            .Send("Textil")
            .AssertReply(reply => Assert.Equal(texts.ChooseOrganisation, reply.Text), "the choice")
            .Send(texts.NoneOfTheseOrganisations)
            .AssertReply(texts.AskOrganisationAgain)
            .Send("textil")
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        var profile = await SaveAsync(texts);
        Assert.Equal(("textil", (string?)null), (profile.Organisation, profile.OrganisationId));
    }

    [Fact]
    public async Task OrganisationQuestion_NoneOfTheseThenTheShortName_SavedWithItsId()
    {
        var texts = ConversationTexts.En;

        await StartAsync(texts)
            .Send("Textil")
            .AssertReply(reply => Assert.Equal(texts.ChooseOrganisation, reply.Text), "the choice")
            .Send(texts.NoneOfTheseOrganisations)
            .AssertReply(texts.AskOrganisationAgain)
            .Send("ATEVAL")
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        Assert.Equal(HiTechTexPartners.AtevalId, (await SaveAsync(texts)).OrganisationId);
    }

    [Fact]
    public async Task OrganisationQuestion_ThreeAnswersThatAreNoChoice_KeptAsTypedAndSaidSo()
    {
        var texts = ConversationTexts.En;

        await StartAsync(texts)
            .Send("Textil")
            .AssertReply(reply => Assert.Equal(texts.ChooseOrganisation, reply.Text), "the choice")
            .Send("42").AssertReply(reply => Assert.Equal(texts.ChooseOrganisationRetry, reply.Text), "asked again")
            .Send("42").AssertReply(reply => Assert.Equal(texts.ChooseOrganisationRetry, reply.Text), "asked again")
            .Send("42").AssertReply(texts.OrganisationKept("Textil"))
            .AssertReplyContains(texts.AskLanguage)
            .StartTestAsync();

        var profile = await SaveAsync(texts);
        Assert.Equal(("Textil", (string?)null), (profile.Organisation, profile.OrganisationId));
    }

    /// <summary>
    /// "my profile": "Is your organisation still CITEVE?" — "no, it's CLUTEX" was a plain no and the organisation was asked
    /// for again; now the name given is taken, looked up in the directory like an answer to the organisation question.
    /// </summary>
    [Theory]
    [InlineData("en", "yes", "No, it's CLUTEX")]
    [InlineData("en", "yes", "no, I work for clutex")]
    [InlineData("pt", "sim", "não, é a CLUTEX")]
    [InlineData("es", "sí", "no, es CLUTEX")]
    [InlineData("it", "sì", "no, è CLUTEX")]
    [InlineData("tr", "evet", "hayır, CLUTEX")]
    [InlineData("cs", "ano", "ne, je to CLUTEX")]
    [InlineData("it", "sì", "no, ora lavoro per CLUTEX")]   // "now" before it: it was saved as "ora lavoro per CLUTEX"
    [InlineData("tr", "evet", "hayır, artık CLUTEX")]
    [InlineData("cs", "ano", "ne, teď pracuji ve společnosti CLUTEX")]
    public async Task MyProfile_NoWithTheNewOrganisation_TakesItWithItsDirectoryEntry(string language, string yes, string answer)
    {
        await host.SeedProfileAsync(language, name: "Ana Sousa", organisation: "CITEVE", organisationId: HiTechTexPartners.CiteveId);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send(yes)
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send(answer)
            .AssertReply(texts.AskLanguage)
            .Send(texts.LanguageName)
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        var profile = Assert.IsType<UserProfile>(await host.ReadProfileAsync());
        Assert.Equal(HiTechTexPartners.ClutexId, profile.OrganisationId);
        Assert.Equal(Directory.Single(o => o.Id == HiTechTexPartners.ClutexId).Name, profile.Organisation);
    }

    /// <summary>A name the directory does not hold ("no, it's AITEX") is kept as typed, without an id; a plain no still asks.</summary>
    [Fact]
    public async Task MyProfile_NoWithANameNotInTheDirectory_KeptAsTyped()
    {
        await host.SeedProfileAsync("en", name: "Ana Sousa", organisation: "CITEVE", organisationId: HiTechTexPartners.CiteveId);
        var texts = ConversationTexts.En;

        await host.Flow()
            .Send("my profile")
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana Sousa"))
            .Send("yes")
            .AssertReply(texts.ConfirmOrganisationKept("CITEVE"))
            .Send("no, it's Xyzzy Weaving")
            .AssertReply(texts.AskLanguage)
            .Send("English")
            .AssertReply(texts.ProfileSaved("Ana Sousa"))
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana Sousa", "Xyzzy Weaving", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public void Texts_EveryLanguageHasTheOrganisationChoiceTexts()
    {
        foreach (var texts in ConversationTexts.All)
        {
            Assert.All([texts.AskOrganisationAgain, texts.ChooseOrganisation, texts.ChooseOrganisationRetry, texts.NoneOfTheseOrganisations], Assert.NotEmpty);
            Assert.Contains(texts.NoneOfTheseOrganisations, texts.ChooseOrganisationRetry, StringComparison.Ordinal);
            if (texts.Language != "en")
            {
                Assert.NotEqual(ConversationTexts.En.ChooseOrganisation, texts.ChooseOrganisation);
                Assert.NotEqual(ConversationTexts.En.NoneOfTheseOrganisations, texts.NoneOfTheseOrganisations);
            }
        }
    }

    /// <summary>"hello", yes to the Teams name, up to the organisation question.</summary>
    private HiTechTex.Bot.Testing.Dialogs.TestFlow StartAsync(ConversationTexts texts) =>
        host.Flow()
            .Send("hello")
            .AssertReplyContains("Ana")
            .Send(texts.Language switch { "pt" => "sim", "it" => "sì", "cs" => "ano", "tr" => "evet", "es" => "sí", _ => "yes" })
            .AssertReply(texts.AskOrganisation);

    private async Task<UserProfile> SaveAsync(ConversationTexts texts)
    {
        await host.Flow().Send(texts.LanguageName).AssertReplyContains(texts.ProfileSaved("Ana")[..5]).StartTestAsync();
        return Assert.IsType<UserProfile>(await host.ReadProfileAsync());
    }

    private static List<string> Buttons(Activity reply)
    {
        var card = System.Text.Json.JsonSerializer.SerializeToElement(Assert.Single(reply.Attachments ?? []).Content);
        return [.. card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
    }
}
