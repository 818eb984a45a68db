using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Conversation;

/// <summary>
/// "delete my data" and the address of the user's 1:1 chat (its stored conversation reference): deleted with the
/// profile when nothing of theirs still needs a message — the bot then writes only after they write again — and kept,
/// saying for what in their language, while an application, a registration to come, a request waiting for its answer or
/// a role still needs it.
/// </summary>
public sealed class DeleteDataChatAddressTests : IDisposable
{
    private const string UserAad = "6f1c2b4e-0000-4000-8000-0000000de1e7";
    private static readonly JsonObject User = PartnerHost.User("29:user-forget", UserAad, "Ana Sousa");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private readonly PostgreSqlTestDatabase postgres = new();

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    public async Task NothingNeedsAMessage_TheChatsAddressIsDeletedAndStoredAgainWhenTheyWriteAgain(string language)
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        var chat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, chat, User);
        await PartnerHost.SeedProfileAsync(factory, "29:user-forget", "Ana Sousa", "CITEVE", language);
        // Records whose messages are all sent: an answered request, a finished exchange, a past session.
        await SeedAsync(factory, "finished");
        var texts = ConversationTexts.For(language);

        await DeleteMyDataAsync(client, chat, texts);

        Assert.Equal(texts.DataDeleted, factory.Connector.SentTo(chat).Last().Text);
        var references = factory.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await references.GetAsync(chat, CancellationToken.None));
        Assert.Null(await references.FindPersonalAsync(UserAad, Activities.TenantId, CancellationToken.None));

        // They write again: the address is stored again (and they are asked for a profile anew).
        await PartnerHost.MessageAsync(client, chat, User, "hello");
        Assert.NotNull(await references.GetAsync(chat, CancellationToken.None));
    }

    [Fact]
    public async Task NoProfile_NothingNeedsAMessage_TheChatsAddressIsDeletedWithoutAQuestion()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        var chat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, chat, User);

        await PartnerHost.MessageAsync(client, chat, User, "forget me");

        Assert.Equal(ConversationTexts.En.NoProfileChatDeleted, factory.Connector.SentTo(chat).Last().Text);
        Assert.Null(await factory.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(chat, CancellationToken.None));
    }

    [Fact]
    public async Task NoProfile_ARequestWaiting_TheAddressIsKept()
    {
        using var factory = PartnerHost.Create(databasePath);
        var client = factory.CreateClient();
        var chat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, chat, User);
        await SeedAsync(factory, "introduction");

        await PartnerHost.MessageAsync(client, chat, User, "forget me");

        Assert.Equal(ConversationTexts.En.NoDataToDelete, factory.Connector.SentTo(chat).Last().Text);
        Assert.NotNull(await factory.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(chat, CancellationToken.None));
    }

    [Theory]
    [InlineData("introduction", "en")]
    [InlineData("exchange", "it")]
    [InlineData("session", "cs")]
    [InlineData("role", "tr")]
    [InlineData("addressee", "en")]
    [InlineData("addressee", "es")]
    [InlineData("contact", "en")]
    [InlineData("contact", "cs")]
    public Task SomethingStillNeedsAMessage_TheAddressIsKeptAndTheAnswerSaysForWhat(string record, string language) =>
        KeptAsync(record, language, postgreSql: false);

    [SkippableTheory]
    [InlineData("introduction", "pt")]
    [InlineData("exchange", "es")]
    [InlineData("session", "en")]
    [InlineData("addressee", "pt")]
    [InlineData("contact", "it")]
    public Task PostgreSql_SomethingStillNeedsAMessage_TheAddressIsKept(string record, string language)
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return KeptAsync(record, language, postgreSql: true);
    }

    private async Task KeptAsync(string record, string language, bool postgreSql)
    {
        var settings = record == "role" ? new Dictionary<string, string?> { [$"Roles:ClusterManagers:{UserAad}:0"] = HiTechTexPartners.ClutexId } : [];
        if (postgreSql)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Bot"] = postgres.ConnectionString;
        }

        using var factory = PartnerHost.Create(databasePath, settings);
        var client = factory.CreateClient();
        var chat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, chat, User);
        await PartnerHost.SeedProfileAsync(factory, "29:user-forget", "Ana Sousa", "CITEVE", language);
        await SeedAsync(factory, "finished");
        await SeedAsync(factory, record);
        var texts = ConversationTexts.For(language);

        await DeleteMyDataAsync(client, chat, texts);

        // A cluster manager (only) is told the address stays while they have the role, not to type the command again.
        var expected = record switch
        {
            "introduction" => texts.DataDeletedChatKept([texts.KeptForIntroductions], false, false),
            "exchange" => texts.DataDeletedChatKept([texts.KeptForExchanges], false, false),
            "session" => texts.DataDeletedChatKept([texts.KeptForSessions], false, false),
            "addressee" => texts.DataDeletedChatKept([texts.KeptForIntroductionAnswers], false, false),
            "contact" => texts.DataDeletedChatKept([texts.KeptAsDirectoryContact], false, false),
            _ => $"{texts.DataDeletedKeptIntro} {texts.KeptForManagerRole} {texts.DataDeletedKeptOutro}",
        };
        Assert.Equal(expected,
            factory.Connector.SentTo(chat).Last().Text);
        Assert.NotNull(await factory.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(chat, CancellationToken.None));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<RecipientLanguages>().FindProfileLanguageAsync("msteams", "29:user-forget", CancellationToken.None));
    }

    public void Dispose()
    {
        postgres.Dispose();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    private static async Task DeleteMyDataAsync(HttpClient client, string chat, ConversationTexts texts)
    {
        await PartnerHost.MessageAsync(client, chat, User, texts.DeleteDataCommands[0]);
        await PartnerHost.MessageAsync(client, chat, User, "1");   // the first choice: yes
    }

    /// <summary>Stores the user's records directly: "finished" ones that need no more messages, or one that still does.</summary>
    private static async Task SeedAsync(BotHostFactory factory, string record)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var now = DateTimeOffset.UtcNow;
        switch (record)
        {
            case "finished":
                db.Add(Introduction(nameof(IntroductionStatus.Accepted), now));
                db.Add(Application(ExchangeStatus.Completed, now));
                db.AddRange(Session(now.AddDays(-3), out var past), Registration(past.Id));
                break;
            case "introduction":
                db.Add(Introduction(nameof(IntroductionStatus.Pending), now));
                break;
            case "exchange":
                db.Add(Application(ExchangeStatus.Stage1, now));
                break;
            case "session":
                db.AddRange(Session(now.AddDays(5), out var coming), Registration(coming.Id));
                break;
            case "addressee":
                // Someone else's request sent to this user (a partner's contact), not answered yet; stored upper-case.
                db.Add(Introduction(nameof(IntroductionStatus.Pending), now, requester: "someone-else", addressee: UserAad.ToUpperInvariant()));
                db.Add(Introduction(nameof(IntroductionStatus.Accepted), now, requester: "someone-else", addressee: UserAad));
                break;
            case "contact":
                await PartnerHost.WaitReadyAsync(factory);
                await PartnerHost.AddOrganisationAsync(factory, "Contact Person Lab s.r.o.", UserAad);
                break;
        }

        await db.SaveChangesAsync();
    }

    private static IntroductionEntity Introduction(string status, DateTimeOffset now, string requester = UserAad, string? addressee = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        RequesterKey = requester,
        RequesterAadObjectId = requester,
        RequesterName = "Ana Sousa",
        RequesterOrganisation = "CITEVE",
        RequesterLanguage = "en",
        TenantId = Activities.TenantId,
        RequesterConversationId = "a:elsewhere",
        OrganisationId = "it-" + Guid.NewGuid().ToString("N")[..10],
        OrganisationName = "Somewhere Lab",
        Message = "Hello",
        AddresseesJson = addressee is null ? "[]" : $"[\"{addressee}\"]",
        CardsJson = "[]",
        Status = status,
        CreatedAt = now,
        PendingKey = status == nameof(IntroductionStatus.Pending) ? $"{requester}|{Guid.NewGuid():N}" : null,
    };

    private static ExchangeApplication Application(ExchangeStatus status, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Reference = "HTX-T-" + Guid.NewGuid().ToString("N")[..8],
        VisitingOrganisationId = HiTechTexPartners.ClutexId,
        HostOrganisationId = "citeve",
        ApplicantAadObjectId = UserAad,
        ApplicantUserId = "29:user-forget",
        ApplicantName = "Ana Sousa",
        TenantId = Activities.TenantId,
        ApplicantConversationId = "a:elsewhere",
        Status = status,
        StatusChangedAt = now,
        CreatedAt = now,
    };

    private static CoachingSession Session(DateTimeOffset startsAt, out CoachingSession session) => session = new CoachingSession
    {
        Id = Guid.NewGuid(),
        Title = "Finishing basics",
        StartsAt = startsAt,
        EndsAt = startsAt.AddHours(1),
        Capacity = 10,
        RegistrationOpensAt = startsAt.AddDays(-30),
        RegistrationClosesAt = startsAt.AddHours(-1),
        Status = SessionStatus.Scheduled,
        UpdatedAt = startsAt.AddDays(-30),
    };

    private static CoachingRegistration Registration(Guid sessionId) => new()
    {
        Id = Guid.NewGuid(),
        SessionId = sessionId,
        UserAadObjectId = UserAad,
        UserName = "Ana Sousa",
        TenantId = Activities.TenantId,
        Status = RegistrationStatus.Confirmed,
        Sequence = 1,
    };
}
