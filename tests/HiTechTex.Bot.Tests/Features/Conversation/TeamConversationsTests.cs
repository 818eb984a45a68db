using System.Text.Json;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary><see cref="TeamConversations"/> on two instances sharing one database.</summary>
public sealed class TeamConversationsTests : IDisposable
{
    private const string Team = "19:general@thread.tacv2";
    private const string Channel = "19:design@thread.tacv2";

    private readonly SqliteTestDatabase database = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    public TeamConversationsTests()
    {
        var collection = new ServiceCollection();
        collection.AddDbContext<SqliteBotDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance));
        collection.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());
        collection.AddSingleton(new DatabaseWriteGate(isSqlite: true));
        services = collection.BuildServiceProvider();
    }

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task RecordAsync_TeamForgottenByAnotherInstanceThenTheBotAddedAgain_RecordedAgainSoTheNextRemovalFindsIt()
    {
        // Instance B saw the channel; the removal from the team reached instance A, which forgot the team's conversations.
        var a = new TeamConversations(services.GetRequiredService<IServiceScopeFactory>(), time);
        var b = new TeamConversations(services.GetRequiredService<IServiceScopeFactory>(), time);
        await b.RecordAsync(Team, Message(), CancellationToken.None);
        await a.ForgetAsync(Team, CancellationToken.None);

        // Added to the team again: the channel's next activities reach B, later than its memory is trusted.
        time.Advance(TimeSpan.FromMinutes(11));
        await b.RecordAsync(Team, Message(), CancellationToken.None);

        // The next removal (on A) finds the channel, so its reference and state go (before: B never recorded it again).
        Assert.Equal([("msteams", Channel)], await a.ListAsync(Team, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_SameConversationAgainWithinTheTimeToLive_OneRowAndNoNewInsert()
    {
        var one = new TeamConversations(services.GetRequiredService<IServiceScopeFactory>(), time);

        await one.RecordAsync(Team, Message(), CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
        {
            // Deleted behind its back: within the time it trusts its memory, it does not write again.
            await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<TeamConversationEntity>().ExecuteDeleteAsync();
        }

        await one.RecordAsync(Team, Message(), CancellationToken.None);

        Assert.Empty(await one.ListAsync(Team, CancellationToken.None));
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = Channel, ConversationType = "channel" },
        ChannelData = JsonSerializer.SerializeToElement(new { team = new { id = Team } }),
    };
}
