using System.Net;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTechTex.Bot.IntegrationTests.Persistence;

/// <summary>The durable state and the de-duplication through the real host, on each provider.</summary>
public abstract class DurableStateTests(HostDatabase database)
{
    [SkippableFact]
    public async Task Startup_EmptyDatabase_AppliesAllMigrationsAndIsReady()
    {
        SkipUnlessAvailable();
        using var factory = database.CreateHost();

        using var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        Assert.Equal(database.ProviderName, db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.StateItems.CountAsync(e => e.Key == "none"));
        Assert.Equal(0, await db.ProcessedActivities.CountAsync(e => e.ActivityId == "none"));
    }

    [SkippableFact]
    public async Task PostActivity_SameMessageDeliveredThreeTimes_BotRunsOnce()
    {
        SkipUnlessAvailable();
        var bot = new CountingBot();
        using var factory = database.CreateHost(services => services.RemoveAll<IBot>().AddSingleton<IBot>(bot));
        var client = factory.CreateClient();
        var activity = Activities.Message(Activities.NewConversationId(), "book a meeting room");

        var statuses = new List<HttpStatusCode>();
        for (var delivery = 0; delivery < 3; delivery++)
        {
            using var response = await client.PostActivityAsync(activity);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, bot.TurnsFor(activity["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task PostActivity_MessageWithoutIdDeliveredTwice_BotRunsTwice()
    {
        SkipUnlessAvailable();
        var bot = new CountingBot();
        using var factory = database.CreateHost(services => services.RemoveAll<IBot>().AddSingleton<IBot>(bot));
        var client = factory.CreateClient();
        var activity = Activities.Message(Activities.NewConversationId(), "no id");
        activity.Remove("id");

        using var first = await client.PostActivityAsync(activity);
        using var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, bot.TurnsFor(string.Empty));
    }

    [SkippableFact]
    public async Task PostActivity_CardActionRedelivered_AnswersAlreadyDoneWithoutRunningTheBot()
    {
        SkipUnlessAvailable();
        var bot = new CountingBot();
        using var factory = database.CreateHost(services => services.RemoveAll<IBot>().AddSingleton<IBot>(bot));
        var client = factory.CreateClient();
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a =>
        {
            a["name"] = InvokeNames.AdaptiveCardAction;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "book" } };
        });

        using var first = await client.PostActivityAsync(activity);
        using var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Booked", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(ConversationTexts.Resolve(null, "en-US").AlreadyDone, body["value"]!.GetValue<string>());
        Assert.Equal(1, bot.TurnsFor(activity["id"]!.GetValue<string>()));
    }

    [SkippableTheory]
    [InlineData("pt-PT", "Já está feito: esse clique já me tinha chegado, por isso não fiz nada com ele de novo.")]
    [InlineData("tr-TR", "Zaten yapıldı: bu tıklama bana daha önce ulaşmıştı, bu yüzden onunla tekrar bir şey yapmadım.")]
    [InlineData("cs-CZ", "Už je hotovo: toto kliknutí ke mně už dorazilo, takže jsem s ním znovu nic nedělal.")]
    public async Task PostActivity_CardActionRedeliveredToTheBot_AnswersAlreadyDoneInTheClientsLanguage(string locale, string expected)
    {
        SkipUnlessAvailable();
        using var factory = database.CreateHost();
        var client = factory.CreateClient();
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a =>
        {
            a["name"] = InvokeNames.AdaptiveCardAction;
            a["locale"] = locale;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "menu" } };
        });

        using var first = await client.PostActivityAsync(activity);
        using var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal(expected, body["value"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task PostActivity_ComposeExtensionQueryRedelivered_RunsAgainAndAnswersItsResults()
    {
        // A search only reads: its redelivery must get results, not 200 with an empty body (an error in Teams).
        SkipUnlessAvailable();
        var bot = new CountingBot();
        using var factory = database.CreateHost(services => services.RemoveAll<IBot>().AddSingleton<IBot>(bot));
        var client = factory.CreateClient();
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a => a["name"] = InvokeNames.ComposeExtensionQuery);

        using var first = await client.PostActivityAsync(activity);
        using var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("Booked", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, bot.TurnsFor(activity["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task PostActivity_OtherInvokeRedelivered_AnswersConflictWithABodyWithoutRunningTheBot()
    {
        // Its answer cannot be replayed and it may change something: not run again, and never 200 with an empty body.
        SkipUnlessAvailable();
        var bot = new CountingBot();
        using var factory = database.CreateHost(services => services.RemoveAll<IBot>().AddSingleton<IBot>(bot));
        var client = factory.CreateClient();
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a => a["name"] = "task/submit");

        using var first = await client.PostActivityAsync(activity);
        using var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(ActivityDeduplicationMiddleware.DuplicateInvokeCode, body["code"]!.GetValue<string>());
        Assert.Equal(1, bot.TurnsFor(activity["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Dialog_HostRestartsBetweenTurns_DialogContinues()
    {
        SkipUnlessAvailable();
        var conversationId = Activities.NewConversationId();
        static void UseDialogBot(IServiceCollection services) =>
            services.RemoveAll<IBot>().AddSingleton<IBot>(sp => new NameDialogBot(sp.GetRequiredService<IStorage>()));

        using (var first = database.CreateHost(UseDialogBot))
        {
            using var response = await first.CreateClient().PostActivityAsync(Activities.Message(conversationId, "hi"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([NameDialogBot.Question], first.Connector.SentTo(conversationId).Select(a => a.Text));
        }

        using var second = database.CreateHost(UseDialogBot);
        using var answer = await second.CreateClient().PostActivityAsync(Activities.Message(conversationId, "Alex"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["Hello Alex"], second.Connector.SentTo(conversationId).Select(a => a.Text));
    }

    [SkippableTheory]
    [InlineData("membersRemoved")]
    [InlineData("teamHardDeleted")]
    public async Task RemovedFromATeam_EveryChannelConversationOfTheTeamLosesItsReferenceAndState(string how)
    {
        SkipUnlessAvailable();
        using var factory = database.CreateHost();
        var client = factory.CreateClient();
        var team = $"19:general-{Guid.NewGuid():N}@thread.tacv2";
        var otherTeam = $"19:general-{Guid.NewGuid():N}@thread.tacv2";
        var designThread = $"19:design-{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000001";
        var generalThread = $"{team};messageid=1700000000002";
        var otherThread = $"19:design-{Guid.NewGuid():N}@thread.tacv2;messageid=1700000000003";

        // A new member asks in three channel threads: each thread gets a reference and the member's dialog (the
        // first-use question), two threads in the team, one in another team.
        foreach (var (conversation, teamId) in new[] { (designThread, team), (generalThread, team), (otherThread, otherTeam) })
        {
            using var response = await client.PostActivityAsync(InChannel(Activities.Message(conversation, "find partners"), teamId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal((2, 2, 2), await CountAsync(factory, team, designThread, generalThread));

        // Teams announces the removal (or the team's permanent deletion) once, in the general channel (not a thread of it).
        var removed = InChannel(Activities.Base("conversationUpdate", team, o =>
        {
            if (how == "membersRemoved")
            {
                o["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = Activities.BotId });
            }
        }), team);
        if (how == "teamHardDeleted")
        {
            removed["channelData"]!["eventType"] = "teamHardDeleted";
        }

        using (var response = await client.PostActivityAsync(removed))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal((0, 0, 0), await CountAsync(factory, team, designThread, generalThread));
        Assert.Equal((1, 1, 1), await CountAsync(factory, otherTeam, otherThread));

        static JsonObject InChannel(JsonObject activity, string teamId)
        {
            activity["conversation"]!["conversationType"] = "channel";
            activity["conversation"]!["isGroup"] = true;
            activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
            return activity;
        }
    }

    /// <summary>How many recorded conversations the team has.</summary>
    private static async Task<int> CountAsync(BotHostFactory factory, string teamId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        return await db.Set<HiTechTex.Bot.Features.Conversation.TeamConversationEntity>().CountAsync(t => t.TeamId == teamId);
    }

    /// <summary>Recorded conversations of the team, stored references and state rows (conversation and members) of the threads.</summary>
    private static async Task<(int Recorded, int References, int States)> CountAsync(BotHostFactory factory, string teamId, params string[] threads)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var references = await db.ConversationReferences.CountAsync(r => threads.Contains(r.ConversationId));
        var keys = await db.StateItems.Select(e => e.Key).ToListAsync();
        var states = keys.Count(k => threads.Any(t => k.StartsWith($"msteams/conversations/{t}", StringComparison.Ordinal)));
        return (await CountAsync(factory, teamId), references, states);
    }

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);
}
