using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// Exchange deliveries on the wire: the real host with the real Bot Connector client, against a local server speaking
/// the connector's REST shape (<c>POST v3/conversations</c>, <c>POST …/activities</c>, <c>PUT …/activities/{id}</c>) whose
/// answers a test sets — so that what is counted is what went over HTTP.
/// </summary>
public sealed class ExchangeDeliveryWireTests : IAsyncLifetime
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ExchangeUser applicant = new("Ana");
    private readonly ExchangeUser manager = new("Vasco");
    private readonly ExchangeUser secondManager = new("Vera");
    private readonly ExchangeUser coordinator = new("Carla");
    /// <summary>The status the connector answers, by method and conversation ("PUT a:personal-…"); 200 when none.</summary>
    private readonly ConcurrentDictionary<string, int> statuses = new(StringComparer.Ordinal);
    private int nextActivity;

    /// <summary>When set, a card posted to this chat is held until the sender gives up (<see cref="held"/> says it is held).</summary>
    private volatile string? holdCardsTo;
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LocalHttpServer connector = null!;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        connector = await LocalHttpServer.StartAsync(AnswerAsync);
        host = new BotHostFactory(databasePath)
        {
            UseFakeConnector = false,
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.RemoveAll<IPartnerDirectory>();
                services.AddSingleton<IPartnerDirectory>(sp => new InMemoryPartnerDirectory(
                    new PartnerSearchIndex(path: null, sp.GetRequiredService<ILogger<PartnerSearchIndex>>()), HiTechTexPartners.All));

                // The follow-up runs when the test says so; other features' periodic services are not under test.
                Type[] periodic = [typeof(CoachingOutboxService), typeof(CoachingReminderService), typeof(PartnerDirectoryStartup), typeof(ExchangeFollowUpService)];
                foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && periodic.Contains(d.ImplementationType)).ToList())
                {
                    services.Remove(service);
                }
            },
        };
        host.Settings[$"Roles:ClusterManagers:{manager.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        host.Settings["Roles:Coordinators:0"] = coordinator.AadObjectId;
        host.Settings["Partners:SeedDemoData"] = "false";
        client = host.CreateClient();

        // The tenant's connector endpoint, known from the coordinator's chat: the approvers' chats are created there.
        await host.Services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = ServiceUrl,
            Conversation = new ConversationAccount { Id = coordinator.ConversationId, ConversationType = "personal", TenantId = Activities.TenantId },
            User = new ChannelAccount { Id = coordinator.UserId, AadObjectId = coordinator.AadObjectId },
            Bot = new ChannelAccount { Id = Activities.BotId },
        }, CancellationToken.None);
        foreach (var user in new[] { applicant, coordinator })
        {
            var profile = JsonSerializer.SerializeToElement(new { profile = new { name = user.Name, organisation = "CITEVE", language = "en" } }, BotState.DefaultJsonOptions);
            await host.Services.GetRequiredService<IStorage>().WriteAsync(
                new Dictionary<string, StoreItem> { [$"msteams/users/{user.UserId}"] = new(profile, "*") }, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await connector.DisposeAsync();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    private string ServiceUrl => connector.BaseUrl + "/teams/";

    /// <summary>
    /// Before: once the coordinator's "Retry now" of a given-up card update was refused again (403), every further click
    /// of the same button sent one more PUT. Now the button tries once: the further clicks send nothing and say it was
    /// tried already; the list shown again offers one more try.
    /// </summary>
    [Fact]
    public async Task RetryNow_CardUpdateRefusedAgain_FurtherClicksOfTheSameButtonSendNoPut()
    {
        // Arrange: the manager's card update after the withdrawal fails (500) until the follow-up gives it up.
        var id = await SubmitAsync();
        var reference = await ReferenceAsync(id);
        var managerChat = PersonalChatOf(manager);
        Assert.Single(Requests("POST", managerChat));
        statuses["PUT " + managerChat] = 500;
        await WithdrawAsync(id);
        for (var pass = 0; pass < 30; pass++)
        {
            await RunFollowUpAsync();
            time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Equal(ExchangeDeliveryClaim.Attempts, Requests("PUT", managerChat).Count);

        // Act: the card is refused from now on (403); the list's Retry now clicked three times.
        statuses["PUT " + managerChat] = 403;
        var retry = await RetryButtonAsync();
        var answers = new List<string>();
        for (var click = 0; click < 3; click++)
        {
            answers.Add(await ClickAsync(retry));
        }

        // Assert: one PUT for the three clicks, each answered in words; the list shown again tries once more.
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 1, Requests("PUT", managerChat).Count);
        Assert.Equal(
            [Format(En.RetryRefusedFormat, reference), NotRetriedAgain(reference), NotRetriedAgain(reference)],
            answers);
        var again = await RetryButtonAsync();
        Assert.Equal(Format(En.RetryRefusedFormat, reference), await ClickAsync(again));
        Assert.Equal(NotRetriedAgain(reference), await ClickAsync(again));
        Assert.Equal(ExchangeDeliveryClaim.Attempts + 2, Requests("PUT", managerChat).Count);
    }

    /// <summary>
    /// Before: a resubmission whose turn stopped right after the commit never sent the manager, who had the card, the new
    /// card saying it was submitted again. Now the follow-up — once the turn's record is older than any send — posts it
    /// once over the wire; later passes post nothing more.
    /// </summary>
    [Fact]
    public async Task FollowUp_ResubmissionTurnStoppedAfterTheCommit_PostsTheManagerTheNewCardOnce()
    {
        var id = await SubmitAsync();
        var reference = await ReferenceAsync(id);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var data = JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Add the agenda of day 3." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(Actor(manager), ExchangeVerbs.RequestChanges, data, En, CancellationToken.None);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExchangeStore>().TransitionAsync(
                id, 3, ExchangeStatus.ChangesRequested, ExchangeStatus.Stage1, ExchangeAction.Submitted, Actor(applicant), null, null, CancellationToken.None));
        }

        var managerChat = PersonalChatOf(manager);
        var posted = Requests("POST", managerChat).Count;
        time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await RunFollowUpAsync();
        time.Advance(TimeSpan.FromHours(2));
        await RunFollowUpAsync();

        var alert = Assert.Single(Requests("POST", managerChat).Skip(posted));
        Assert.Contains(Format(En.ResubmittedFormat, reference), alert.Body, StringComparison.Ordinal);
        Assert.Contains(ExchangeVerbs.Approve, alert.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Before: a resubmission whose new card the connector refused (403: the manager had blocked the bot, or their chat was
    /// gone) was tried again only when the follow-up visited the application for another reason — with nothing else owed,
    /// never: the manager, who had the old card (edited in place, which alerts nobody), was never told it waits for them
    /// again. Now the follow-up finds the refused card on its own and, once the connector takes it, posts it once.
    /// </summary>
    [Fact]
    public async Task FollowUp_ResubmissionCardRefused403_PostedOnceTheConnectorTakesIt()
    {
        // Arrange: submitted (the manager has the card), sent back for changes, then resubmitted while the connector
        // refuses every message to the manager's chat.
        var id = await SubmitAsync();
        var reference = await ReferenceAsync(id);
        var managerChat = PersonalChatOf(manager);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var data = JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, comment = "Add the agenda of day 3." });
            await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(Actor(manager), ExchangeVerbs.RequestChanges, data, En, CancellationToken.None);
        }

        Assert.Equal(ExchangeStatus.ChangesRequested, (await FindAsync(id)).Status);
        statuses["POST " + managerChat] = 403;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(Actor(applicant), id, 3, CancellationToken.None);
            Assert.Equal(ExchangeStatus.Stage1, submitted.Application?.Status);
        }

        var refused = Requests("POST", managerChat).Count;
        Assert.Contains(Format(En.ResubmittedFormat, reference), Requests("POST", managerChat)[^1].Body, StringComparison.Ordinal);
        await RunFollowUpAsync();
        Assert.Equal(refused, Requests("POST", managerChat).Count); // a refused card waits before its next try (bounded)
        time.Advance(ExchangeDeliveryClaim.RefusalBackoff);
        await RunFollowUpAsync();
        Assert.Equal(refused + 1, Requests("POST", managerChat).Count);

        // Act: the manager can be reached again; the follow-up's next passes.
        statuses.TryRemove("POST " + managerChat, out _);
        time.Advance(TimeSpan.FromHours(2));
        await RunFollowUpAsync();
        time.Advance(TimeSpan.FromHours(2));
        await RunFollowUpAsync();

        // Assert: the new card posted once more and taken, with its buttons; nothing after it.
        var posts = Requests("POST", managerChat).Skip(refused + 1).ToList();
        var alert = Assert.Single(posts);
        Assert.Contains(Format(En.ResubmittedFormat, reference), alert.Body, StringComparison.Ordinal);
        Assert.Contains(ExchangeVerbs.Approve, alert.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Before: a submission stopped (the host shutting down) while the real connector client had the manager's card on the
    /// wire kept its claim for ever (warning 2327) and nobody was told it may not have arrived. Now the coordinator's
    /// "stuck applications" lists it as "may not have arrived" with Retry now, which posts the card once; the follow-up
    /// never posts it by itself.
    /// </summary>
    [Fact]
    public async Task Submit_StoppedWithTheCardOnTheWire_ListedAsMayNotHaveArrivedAndRetryNowPostsItOnce()
    {
        // Arrange: the connector holds the manager's card; the submission's turn is stopped while it waits.
        var managerChat = PersonalChatOf(manager);
        holdCardsTo = managerChat;
        using var stopping = new CancellationTokenSource();
        var id = await CreateAsync();
        var submitting = SubmitAsync(id, stopping.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        stopping.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => submitting);
        holdCardsTo = null;
        var reference = await ReferenceAsync(id);
        var posted = Requests("POST", managerChat).Count;
        time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await RunFollowUpAsync();
        Assert.Equal(posted, Requests("POST", managerChat).Count);

        // Act: listed; Retry now, twice.
        var list = (await StuckListAsync()).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains(reference, list, StringComparison.Ordinal);
        Assert.Contains(En.StuckCardMayNotHaveArrived, list, StringComparison.Ordinal);
        var retry = await RetryButtonAsync();
        Assert.Equal(Format(En.RetryDeliveredFormat, reference), await ClickAsync(retry));
        Assert.Equal(Format(En.NothingToRetryFormat, reference), await ClickAsync(retry));
        await RunFollowUpAsync();

        // Assert: the card posted once more, with its buttons; nothing listed any more.
        var card = Assert.Single(Requests("POST", managerChat).Skip(posted));
        Assert.Contains(ExchangeVerbs.Approve, card.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(En.StuckCardMayNotHaveArrived, (await StuckListAsync()).ToJsonString(), StringComparison.Ordinal);
    }

    private static string Format(string format, string reference) => string.Format(CultureInfo.InvariantCulture, format, reference);

    /// <summary>The answer to the same Retry now again after its update was refused again: nothing sent, the update no longer tried.</summary>
    private static string NotRetriedAgain(string reference) =>
        $"{reference}: {En.RetryStandingNothingSent} {string.Format(CultureInfo.InvariantCulture, En.RetryStandingNotRetriedFormat, En.RetryProblems[ExchangeStuckReason.CardUpdateGivenUp])}";

    /// <summary>The connector: 1:1 chats created on demand, messages and updates answered with the status set for their method and chat.</summary>
    private async Task AnswerAsync(HttpContext context, RecordedRequest request)
    {
        context.Response.ContentType = "application/json";
        var path = Uri.UnescapeDataString(request.Path);
        if (request.Method == "POST" && path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var member = JsonDocument.Parse(request.Body).RootElement.GetProperty("members")[0].GetProperty("id").GetString();
            await context.Response.WriteAsync(new JsonObject { ["id"] = "a:personal-" + member }.ToJsonString());
            return;
        }

        if (request.Method == "POST" && holdCardsTo is { } chat && path.Contains($"/v3/conversations/{chat}/", StringComparison.Ordinal)
            && request.Body.Contains("\"attachments\"", StringComparison.Ordinal))
        {
            // On the wire: the request reached the connector, whose answer never comes before the sender gives up (no timer).
            held.TrySetResult();
            await new TaskCompletionSource().Task.WaitAsync(context.RequestAborted);
        }

        var status = statuses.FirstOrDefault(s => s.Key.StartsWith(request.Method + " ", StringComparison.Ordinal)
            && path.Contains($"/v3/conversations/{s.Key[(request.Method.Length + 1)..]}/", StringComparison.Ordinal)).Value;
        if (status >= 300)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("""{"error":{"code":"Refused","message":"refused by the test"}}""");
            return;
        }

        await context.Response.WriteAsync(new JsonObject { ["id"] = $"act-{Interlocked.Increment(ref nextActivity)}" }.ToJsonString());
    }

    private static string PersonalChatOf(ExchangeUser user) => "a:personal-" + user.AadObjectId;

    /// <summary>The requests of <paramref name="method"/> to a conversation (sends, replies or updates).</summary>
    private List<RecordedRequest> Requests(string method, string conversationId) =>
        [.. connector.Requests.Where(r => r.Method == method && Uri.UnescapeDataString(r.Path).Contains($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal))];

    /// <summary>The texts the bot sent into a conversation, in order.</summary>
    private List<string> TextsIn(string conversationId) =>
        [.. Requests("POST", conversationId).Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(a => a.TryGetProperty("text", out _)).Select(a => a.GetProperty("text").GetString() ?? "")];

    private async Task<Guid> SubmitAsync()
    {
        var id = await CreateAsync();
        await SubmitAsync(id, CancellationToken.None);
        return id;
    }

    private async Task SubmitAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, submitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(Actor(applicant), id, 1, cancellationToken);
        Assert.True(result.IsEligible, string.Join(", ", result.Problems));
        Assert.Equal(ExchangeStatus.Stage1, submitted?.Status);
    }

    private async Task<Guid> CreateAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = applicant.AadObjectId, ApplicantUserId = applicant.UserId, ApplicantName = applicant.Name, TenantId = Activities.TenantId,
            ApplicantLanguage = "en", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
        return application.Id;
    }

    private async Task WithdrawAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var data = JsonSerializer.SerializeToElement(new { exchangeId = id.ToString("D"), v = 2, confirmed = "yes" });
        await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().HandleAsync(Actor(applicant), ExchangeVerbs.Withdraw, data, En, CancellationToken.None);
        Assert.Equal(ExchangeStatus.Withdrawn, (await FindAsync(id)).Status);
    }

    private static ExchangeActor Actor(ExchangeUser user) => new(user.AadObjectId, user.Name, user.UserId, Activities.TenantId);

    private async Task<ExchangeApplication> FindAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!;
    }

    private async Task<string> ReferenceAsync(Guid id) => (await FindAsync(id)).Reference;

    private async Task RunFollowUpAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>The coordinator types "stuck applications"; the data of the (first) Retry now button of the card they get.</summary>
    private async Task<JsonObject> RetryButtonAsync()
    {
        var card = await StuckListAsync();
        return FindRetry(card) ?? throw new InvalidOperationException("no Retry now button: " + card.ToJsonString());
    }

    /// <summary>The coordinator types "stuck applications": the card they get, as it went to the connector.</summary>
    private async Task<JsonNode> StuckListAsync()
    {
        var before = Requests("POST", coordinator.ConversationId).Count;
        await PostAsync(Activities.Base("message", coordinator.ConversationId, a =>
        {
            a["from"] = From(coordinator);
            a["serviceUrl"] = ServiceUrl;
            a["text"] = "stuck applications";
        }));
        return JsonNode.Parse(Requests("POST", coordinator.ConversationId).Skip(before).Single().Body)!["attachments"]![0]!["content"]!;
    }

    private static JsonObject? FindRetry(JsonNode? node) => node switch
    {
        JsonObject o when o["data"] is JsonObject data && (string?)data["action"] == ExchangeVerbs.RetryDelivery => (JsonObject)data.DeepClone(),
        JsonObject o => o.Select(p => FindRetry(p.Value)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(FindRetry).FirstOrDefault(f => f is not null),
        _ => null,
    };

    /// <summary>The coordinator clicks a button (Action.Submit): the bot's answer, as it went to the connector.</summary>
    private async Task<string> ClickAsync(JsonObject data)
    {
        var before = Requests("POST", coordinator.ConversationId).Count;
        await PostAsync(Activities.Base("message", coordinator.ConversationId, a =>
        {
            a["from"] = From(coordinator);
            a["serviceUrl"] = ServiceUrl;
            a["value"] = data.DeepClone();
        }));
        var reply = Requests("POST", coordinator.ConversationId).Skip(before).Single();
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("text").GetString()!;
    }

    private static JsonObject From(ExchangeUser user) => new() { ["id"] = user.UserId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };

    private async Task PostAsync(JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
