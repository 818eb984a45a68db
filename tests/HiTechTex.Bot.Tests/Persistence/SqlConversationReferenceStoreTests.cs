using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlConversationReferenceStoreTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<ITrustedServiceUrls> trusted = new();
    private readonly SqlSessionPool pool;

    public SqlConversationReferenceStoreTests()
    {
        pool = new SqlSessionPool(isSqlite: true, database.ConnectionString);
    }

    [Fact]
    public async Task SaveAsync_NewReference_CanBeReadBackWithAllFields()
    {
        trusted.Setup(t => t.IsTrusted(ServiceUrl)).Returns(true);
        var reference = Reference("a:1", "aad-1");
        reference.Properties = new Dictionary<string, System.Text.Json.JsonElement> { ["custom"] = System.Text.Json.JsonSerializer.SerializeToElement(42) };

        await Store().SaveAsync(reference, CancellationToken.None);

        var stored = await Store().GetAsync("a:1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.IsActive);
        Assert.Equal(time.GetUtcNow(), stored.UpdatedAt);
        Assert.Equal(ServiceUrl, stored.Reference.ServiceUrl);
        Assert.Equal("tenant-1", stored.Reference.Conversation?.TenantId);
        Assert.Equal(42, stored.Reference.Properties?["custom"].GetInt32());
        using var db = database.CreateContext();
        var row = db.ConversationReferences.Single();
        Assert.Equal(("aad-1", "tenant-1", "28:bot", "29:user", "personal", "msteams"), (row.UserAadObjectId, row.TenantId, row.BotId, row.UserId, row.ConversationType, row.ChannelId));
        Assert.True(row.ServiceUrlVerified);
    }

    [Fact]
    public async Task SaveAsync_ExistingReference_UpdatesServiceUrlAndReactivates()
    {
        await Store().SaveAsync(Reference("a:1", "aad-1"), CancellationToken.None);
        await Store().MarkInactiveAsync("a:1", CancellationToken.None);
        var moved = Reference("a:1", "aad-1");
        moved.ServiceUrl = "https://smba.trafficmanager.net/amer/";

        await Store().SaveAsync(moved, CancellationToken.None);

        var stored = await Store().GetAsync("a:1", CancellationToken.None);
        Assert.True(stored!.IsActive);
        Assert.Equal("https://smba.trafficmanager.net/amer/", stored.Reference.ServiceUrl);
    }

    [Fact]
    public async Task MarkInactiveAsync_Reference_IsNoLongerFoundAsPersonal()
    {
        await Store().SaveAsync(Reference("a:1", "aad-1"), CancellationToken.None);

        await Store().MarkInactiveAsync("a:1", CancellationToken.None);

        Assert.False((await Store().GetAsync("a:1", CancellationToken.None))!.IsActive);
        Assert.Null(await Store().FindPersonalAsync("aad-1", "tenant-1", CancellationToken.None));
    }

    [Fact]
    public async Task FindPersonalAsync_SeveralConversations_ReturnsTheUsersNewestPersonalOne()
    {
        await Store().SaveAsync(Reference("a:old", "aad-1"), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await Store().SaveAsync(Reference("a:new", "aad-1"), CancellationToken.None);
        await Store().SaveAsync(Reference("19:channel", "aad-1", conversationType: "channel"), CancellationToken.None);
        await Store().SaveAsync(Reference("a:other", "aad-2"), CancellationToken.None);

        var found = await Store().FindPersonalAsync("aad-1", "tenant-1", CancellationToken.None);

        Assert.Equal("a:new", found?.Reference.Conversation?.Id);
        Assert.Null(await Store().FindPersonalAsync("aad-1", "other-tenant", CancellationToken.None));
    }

    [Theory]
    [InlineData("abcdef01-2345-6789-abcd-ef0123456789", "ABCDEF01-2345-6789-ABCD-EF0123456789")]
    [InlineData("ABCDEF01-2345-6789-ABCD-EF0123456789", "abcdef01-2345-6789-abcd-ef0123456789")]
    public async Task FindPersonalAsync_IdAskedInAnotherCaseThanStored_FindsTheirChatWithTheIdAsTeamsSentIt(string sent, string asked)
    {
        // Teams sends the id in lower case; the configuration (Roles) or the partner directory may write it in upper case.
        await Store().SaveAsync(Reference("a:1", sent), CancellationToken.None);

        var found = await Store().FindPersonalAsync(asked, "tenant-1", CancellationToken.None);

        Assert.Equal("a:1", found?.Reference.Conversation?.Id);
        Assert.Equal(sent, found?.Reference.User?.AadObjectId);
    }

    [Fact]
    public async Task Migration_ReferenceStoredWithTheIdInUpperCase_FoundByItInLowerCaseAfterwards()
    {
        // A row stored before the look-up column was kept in lower case (a chat the bot created for an id the
        // configuration wrote in upper case): brought to it by ConversationReferenceAadObjectIdLowerCase.
        await Store().SaveAsync(Reference("a:1", "abcdef01-2345-6789-abcd-ef0123456789"), CancellationToken.None);
        using (var db = database.CreateContext())
        {
            var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
            await migrator.MigrateAsync("20261129044107_CoachingOldMeetingStart");
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                "UPDATE \"ConversationReferences\" SET \"UserAadObjectId\" = 'ABCDEF01-2345-6789-ABCD-EF0123456789'");
            await migrator.MigrateAsync();
        }

        var found = await Store().FindPersonalAsync("abcdef01-2345-6789-abcd-ef0123456789", "tenant-1", CancellationToken.None);

        Assert.Equal("a:1", found?.Reference.Conversation?.Id);
    }

    [Fact]
    public async Task RecipientLanguages_ApproverConfiguredWithTheirIdInUpperCase_TheirProfilesLanguage()
    {
        // An approver who speaks Portuguese to the bot, named in Roles by their id in upper case: before, their chat was
        // not found by it, and their approval cards and reminders came in English.
        var storage = new HiTechTex.Bot.Protocol.State.MemoryStorage();
        await storage.WriteAsync(new Dictionary<string, HiTechTex.Bot.Protocol.State.StoreItem>
        {
            ["msteams/users/29:user"] = new(System.Text.Json.JsonSerializer.SerializeToElement(new { profile = new { language = "pt", name = "Rui" } }), "*"),
        });
        await Store().SaveAsync(Reference("a:1", "abcdef01-2345-6789-abcd-ef0123456789"), CancellationToken.None);
        var people = new HiTechTex.Bot.Features.Conversation.RecipientLanguages(Store(), storage);

        var language = await people.FindAsync("ABCDEF01-2345-6789-ABCD-EF0123456789", "tenant-1", CancellationToken.None);
        var name = await people.FindNameAsync("ABCDEF01-2345-6789-ABCD-EF0123456789", "tenant-1", CancellationToken.None);

        Assert.Equal(("pt", "Rui"), (language, name));
    }

    [Fact]
    public async Task FindServiceUrlAsync_SeveralConversationsOfTheTenant_TheNewestVerifiedActiveOnesServiceUrl()
    {
        const string Verified = "https://smba.infra.gcc.teams.microsoft.com/";
        const string NewerUnverified = "https://unverified.example/";
        trusted.Setup(t => t.IsTrusted(Verified)).Returns(true);
        await Store().SaveAsync(At(Reference("19:channel", "aad-1", conversationType: "channel"), Verified), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await Store().SaveAsync(At(Reference("19:group", "aad-2", conversationType: "groupChat"), NewerUnverified), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await Store().SaveAsync(At(Reference("a:blocked", "aad-3"), "https://blocked.example/"), CancellationToken.None);
        trusted.Setup(t => t.IsTrusted("https://blocked.example/")).Returns(true);
        await Store().MarkInactiveAsync("a:blocked", CancellationToken.None);

        Assert.Equal(Verified, await Store().FindServiceUrlAsync("tenant-1", CancellationToken.None));
        Assert.Null(await Store().FindServiceUrlAsync("other-tenant", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_Reference_IsGone()
    {
        await Store().SaveAsync(Reference("a:1", "aad-1"), CancellationToken.None);

        await Store().DeleteAsync("a:1", CancellationToken.None);

        Assert.Null(await Store().GetAsync("a:1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NoServiceUrl_Throws()
    {
        var reference = Reference("a:1", "aad-1");
        reference.ServiceUrl = null;

        await Assert.ThrowsAsync<ArgumentException>(() => Store().SaveAsync(reference, CancellationToken.None));
    }

    public void Dispose()
    {
        pool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        database.Dispose();
    }

    private static ConversationReference At(ConversationReference reference, string serviceUrl)
    {
        reference.ServiceUrl = serviceUrl;
        return reference;
    }

    private SqlConversationReferenceStore Store() => new(pool, trusted.Object, time);

    private static ConversationReference Reference(string conversationId, string aadObjectId, string conversationType = "personal") => new()
    {
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, TenantId = "tenant-1" },
        Bot = new ChannelAccount { Id = "28:bot" },
        User = new ChannelAccount { Id = "29:user", AadObjectId = aadObjectId },
    };
}
