using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class RecipientLanguagesTests
{
    private const string Aad = "00000000-0000-0000-0000-000000000021";
    private const string Tenant = "tenant-1";

    private readonly MemoryStorage storage = new();
    private readonly Mock<IConversationReferenceStore> references = new();

    [Fact]
    public async Task FindAsync_ProfileLanguageStored_ReturnsItOverTheTeamsLocale()
    {
        KnownChat(locale: "en-US");
        // Serialized as UserState stores it, so a renamed property would fail here.
        var profile = JsonSerializer.Serialize(new UserProfile("Megan", "CITEVE", "hitechtex-citeve", "pt"), BotState.DefaultJsonOptions);
        await StoreProfileAsync($$"""{"profile":{{profile}}}""");

        Assert.Equal("pt", await Languages().FindAsync(Aad, Tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData("it-IT", "it")]
    [InlineData("CS", "cs")]
    [InlineData("de-DE", null)]
    [InlineData(null, null)]
    public async Task FindAsync_NoProfile_FallsBackToTheTeamsLocaleWhenTheBotSpeaksIt(string? locale, string? expected)
    {
        KnownChat(locale);

        Assert.Equal(expected, await Languages().FindAsync(Aad, Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_ProfileWithAnUnsupportedLanguage_UsesTheTeamsLocale()
    {
        KnownChat(locale: "tr-TR");
        await StoreProfileAsync("""{"profile":{"name":"Megan","organisation":"CITEVE","language":"xx"}}""");

        Assert.Equal("tr", await Languages().FindAsync(Aad, Tenant, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_PersonNeverTalkedToTheBot_ReturnsNull()
    {
        references.Setup(r => r.FindPersonalAsync(Aad, Tenant, It.IsAny<CancellationToken>())).ReturnsAsync((StoredConversationReference?)null);

        Assert.Null(await Languages().FindAsync(Aad, Tenant, CancellationToken.None));
        Assert.Null(await Languages().FindAsync("", Tenant, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, "Megan Bowen", "Megan Bowen")]
    [InlineData("Megan B.", "[Verify](https://evil.example/x)", "Megan B.")]
    [InlineData(null, "[Verify](https://evil.example/x)", null)]
    [InlineData("Eve **Status: Approved**", "Megan Bowen", "Megan Bowen")]   // a profile saved before the rule forbade formatting
    [InlineData("Eve \u202Eevil", "Eve <b>hi</b>", null)]
    [InlineData(null, "Megan\u2028**Approved**", null)]
    public async Task FindNameAsync_ProfileNameElseATeamsNameThatKeepsTheNameRules(string? profileName, string teamsName, string? expected)
    {
        // The name goes on other people's cards (an approval card's Reassign list): a Teams name with a link does not.
        KnownChat(locale: "en-US", teamsName);
        if (profileName is not null)
        {
            await StoreProfileAsync($$$"""{"profile":{"name":"{{{profileName}}}","organisation":"CITEVE","language":"en"}}""");
        }

        Assert.Equal(expected, await Languages().FindNameAsync(Aad, Tenant, CancellationToken.None));
    }

    private RecipientLanguages Languages() => new(references.Object, storage);

    private void KnownChat(string? locale, string? teamsName = null) =>
        references.Setup(r => r.FindPersonalAsync(Aad, Tenant, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredConversationReference(
            new ConversationReference
            {
                ChannelId = "msteams",
                User = new ChannelAccount { Id = "29:megan", AadObjectId = Aad, Name = teamsName },
                Conversation = new ConversationAccount { Id = "a:megan" },
                ServiceUrl = "https://smba.example/",
                Locale = locale,
            },
            true,
            DateTimeOffset.UnixEpoch));

    private async Task StoreProfileAsync(string userState)
    {
        using var document = JsonDocument.Parse(userState);
        await storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [UserState.StorageKeyOf("msteams", "29:megan")] = new(document.RootElement.Clone(), "*"),
        });
    }
}
