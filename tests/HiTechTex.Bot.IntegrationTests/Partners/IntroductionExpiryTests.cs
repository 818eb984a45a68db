using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>
/// An introduction request left unanswered past <c>Partners:IntroductionExpiryDays</c>: the sweep updates the cards the
/// addressees got (PUT through the connector, each in its language, without buttons, saying the day it expired) and
/// tells the requester in their language that they may ask again — once, however many sweeps run at the same time (two
/// instances), on SQLite and PostgreSQL; a click on the card before the sweep expires it instead of answering it.
/// </summary>
public sealed class IntroductionExpiryTests : IDisposable
{
    private const string ContactAad = "6f1c2b4e-0000-4000-8000-00000000c0e1";
    private const string ManagerAad = "6f1c2b4e-0000-4000-8000-00000000a9f1";
    private const string SecondManagerAad = "6f1c2b4e-0000-4000-8000-00000000a9f2";
    private static readonly DateTimeOffset Asked = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonObject Requester = PartnerHost.User("29:user-exp", "aad-user-exp", "Alex Wilber");
    private readonly string databasePath = BotHostFactory.NewDatabasePath();
    private readonly PostgreSqlTestDatabase postgres = new();

    [Fact]
    public Task Sqlite_Sweep_CardsSayExpiredWithoutButtonsAndTheRequesterIsToldOnce() => SweepAsync(postgreSql: false);

    [SkippableFact]
    public Task PostgreSql_Sweep_CardsSayExpiredWithoutButtonsAndTheRequesterIsToldOnce()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return SweepAsync(postgreSql: true);
    }

    [Fact]
    public async Task Accept_PastTheExpiryBeforeTheSweep_ExpiresInsteadOfAcceptingAndGivesNoContact()
    {
        var clock = new ShiftedTimeProvider(Asked);
        using var factory = PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:IntroductionExpiryDays"] = "14" },
            services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Late Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact-exp", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-exp", "Alex Wilber", "Contoso Textiles");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Felt trial?" });
        var id = PartnerHost.FindValue(JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement, "introductionId")!;
        var requesterMessages = factory.Connector.SentTo(requesterChat).Count;

        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var late = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = id });

        var texts = PartnerTexts.Resolve("en");
        var expiredOn = PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, clock.GetUtcNow()));
        Assert.Contains(expiredOn, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
        Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);
        var (_, updated) = Assert.Single(factory.Connector.UpdatesIn(contactChat));
        Assert.Contains(expiredOn, PartnerHost.CardJson(updated), StringComparison.Ordinal);
        var notice = Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
        Assert.Equal(ExpiredNotice(texts, partner.Name), notice.Text);
        Assert.DoesNotContain(partner.Contacts[0].Email, notice.Text, StringComparison.Ordinal);

        // The sweep finds nothing more to say.
        Assert.Equal(0, await SweepOnceAsync(factory));
        Assert.Single(factory.Connector.UpdatesIn(contactChat));
        Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
    }

    [Fact]
    public Task Sqlite_Sweep_ConnectorFailsToUpdateTheCard_ClaimGivenBackAndTheNextSweepFinishesTheJob() => SweepWithFailingConnectorAsync(postgreSql: false);

    [SkippableFact]
    public Task PostgreSql_Sweep_ConnectorFailsToUpdateTheCard_ClaimGivenBackAndTheNextSweepFinishesTheJob()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return SweepWithFailingConnectorAsync(postgreSql: true);
    }

    private async Task SweepWithFailingConnectorAsync(bool postgreSql)
    {
        var (factory, clock, client, partner, contactChat, requesterChat, id) = await PendingRequestAsync(postgreSql);
        using (factory)
        {
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

            // The connector fails for a moment (503): the card cannot say "expired" yet, so nothing is claimed.
            factory.Connector.UpdateFailure = chat => chat == contactChat
                ? new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "connector unavailable")
                : null;
            Assert.Equal(0, await SweepOnceAsync(factory));
            Assert.Empty(factory.Connector.UpdatesIn(contactChat));
            Assert.Empty(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
            Assert.Equal(nameof(IntroductionStatus.Pending), (await StoredAsync(factory, id)).Status);
            Assert.Contains(factory.Logs.Entries, e => e.EventId == 2117);

            // The next sweep, with the connector back, expires it: the card says so and the requester is told once.
            factory.Connector.UpdateFailure = null;
            Assert.Equal(1, await SweepOnceAsync(factory));
            var stored = await StoredAsync(factory, id);
            Assert.Equal(nameof(IntroductionStatus.Expired), stored.Status);
            Assert.Null(stored.PendingKey);
            var texts = PartnerTexts.Resolve("en");
            var (_, update) = Assert.Single(factory.Connector.UpdatesIn(contactChat));
            Assert.Contains(PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, stored.DecidedAt!.Value)), PartnerHost.CardJson(update), StringComparison.Ordinal);
            Assert.Equal(ExpiredNotice(texts, partner.Name), Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages)).Text);
            Assert.Equal(0, await SweepOnceAsync(factory));
        }
    }

    [Fact]
    public async Task Accept_PastTheExpiryWhileTheConnectorFails_ShowsExpiredAcceptsNothingAndTheSweepFinishesTheJob()
    {
        var (factory, clock, client, partner, contactChat, requesterChat, id) = await PendingRequestAsync();
        using (factory)
        {
            var contact = PartnerHost.User("29:contact-exp", ContactAad, "Jana Nováková");
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            factory.Connector.UpdateFailure = chat => chat == contactChat ? new HttpRequestException("network down") : null;

            var late = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = id });

            Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
            Assert.Equal(nameof(IntroductionStatus.Pending), (await StoredAsync(factory, id)).Status);
            Assert.DoesNotContain(partner.Contacts[0].Email, string.Concat(factory.Connector.SentTo(requesterChat).Select(a => a.Text)), StringComparison.Ordinal);

            factory.Connector.UpdateFailure = null;
            Assert.Equal(1, await SweepOnceAsync(factory));
            Assert.Single(factory.Connector.UpdatesIn(contactChat));
            Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
        }
    }

    [Fact]
    public async Task Sweep_CardGoneForGood_ExpiresAnywayAndIsNotTriedAgain()
    {
        var (factory, clock, _, partner, contactChat, requesterChat, id) = await PendingRequestAsync();
        using (factory)
        {
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            // 404: the message was deleted; trying again would never update it.
            factory.Connector.UpdateFailure = chat => chat == contactChat ? new ConnectorException(System.Net.HttpStatusCode.NotFound, null, "not found") : null;

            Assert.Equal(1, await SweepOnceAsync(factory));

            Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);
            Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
            Assert.Equal(0, await SweepOnceAsync(factory));
        }
    }

    [Fact]
    public Task Sqlite_SweepStoppedAfterItsClaim_AnotherSweepTakesItOverOnceTheClaimLapses_NeverTwoAtOnce() => StalledSweepAsync(postgreSql: false);

    [SkippableFact]
    public Task PostgreSql_SweepStoppedAfterItsClaim_AnotherSweepTakesItOverOnceTheClaimLapses_NeverTwoAtOnce()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return StalledSweepAsync(postgreSql: true);
    }

    private async Task StalledSweepAsync(bool postgreSql)
    {
        var (factory, clock, _, partner, contactChat, requesterChat, id) = await PendingRequestAsync(postgreSql);
        using (factory)
        {
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));

            // One instance's sweep claims the expiry and stops while updating the card (as a process killed there would).
            var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var updating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            factory.Connector.BeforeUpdate = _ =>
            {
                updating.TrySetResult();
                return stalled.Task;
            };
            var first = SweepOnceAsync(factory);
            await updating.Task.WaitAsync(TimeSpan.FromSeconds(30));
            factory.Connector.BeforeUpdate = null;
            Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);

            // Another instance sweeps while that claim holds: it leaves the request alone (never two at once).
            Assert.Equal(0, await SweepOnceAsync(factory));
            Assert.Empty(factory.Connector.UpdatesIn(contactChat));
            Assert.Empty(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));

            // Once the claim has lapsed, the next sweep takes the expiry over: the card says so, the requester is told once.
            clock.Advance(IntroductionService.ExpiryLease + TimeSpan.FromMinutes(1));
            Assert.Equal(1, await SweepOnceAsync(factory));
            var stored = await StoredAsync(factory, id);
            Assert.Equal(nameof(IntroductionStatus.Expired), stored.Status);
            Assert.Null(stored.ExpiryLeaseUntil);
            var texts = PartnerTexts.Resolve("en");
            var (_, update) = Assert.Single(factory.Connector.UpdatesIn(contactChat));
            Assert.Contains(PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, stored.DecidedAt!.Value)), PartnerHost.CardJson(update), StringComparison.Ordinal);
            Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.CardJson(update), StringComparison.Ordinal);
            Assert.Equal(ExpiredNotice(texts, partner.Name), Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages)).Text);
            Assert.Contains(factory.Logs.Entries, e => e.EventId == 2119);
            Assert.Equal(0, await SweepOnceAsync(factory));

            // The stalled sweep comes back late: the claim is no longer its own, so it tells nobody a second time.
            stalled.SetResult();
            Assert.Equal(0, await first.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
            Assert.Null((await StoredAsync(factory, id)).ExpiryLeaseUntil);
        }
    }

    [Fact]
    public Task Sqlite_Sweep_ConnectorFailsAtEveryTry_GivesUpAfterItsTriesAndTellsTheRequesterNoAnswerWillCome() => GiveUpAsync(postgreSql: false);

    [SkippableFact]
    public Task PostgreSql_Sweep_ConnectorFailsAtEveryTry_GivesUpAfterItsTriesAndTellsTheRequesterNoAnswerWillCome()
    {
        Skip.If(postgres.SkipReason is not null, postgres.SkipReason);
        return GiveUpAsync(postgreSql: true);
    }

    private async Task GiveUpAsync(bool postgreSql)
    {
        var (factory, clock, client, partner, contactChat, requesterChat, id) = await PendingRequestAsync(postgreSql, requesterLanguage: "cs");
        using (factory)
        {
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            var tries = 0;
            factory.Connector.UpdateFailure = chat =>
            {
                if (chat != contactChat)
                {
                    return null;
                }

                Interlocked.Increment(ref tries);
                return new ConnectorException(System.Net.HttpStatusCode.BadGateway, null, "bad gateway");
            };

            // Every try but the last gives the claim back: pending, nobody told yet.
            for (var pass = 1; pass < IntroductionService.ExpiryAttempts; pass++)
            {
                Assert.Equal(0, await SweepOnceAsync(factory));
                Assert.Equal(nameof(IntroductionStatus.Pending), (await StoredAsync(factory, id)).Status);
                Assert.Empty(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
                clock.Advance(TimeSpan.FromMinutes(30));
            }

            Assert.DoesNotContain(factory.Logs.Entries, e => e.EventId == 2118);

            // The last try gives up: expired for good, one warning, and the requester told in Czech that no answer will come.
            Assert.Equal(1, await SweepOnceAsync(factory));
            Assert.Equal(IntroductionService.ExpiryAttempts, tries);
            var stored = await StoredAsync(factory, id);
            Assert.Equal(nameof(IntroductionStatus.Expired), stored.Status);
            Assert.Null(stored.ExpiryLeaseUntil);
            var warning = Assert.Single(factory.Logs.Entries, e => e.EventId == 2118);
            Assert.Equal(LogLevel.Warning, warning.Level);
            var czech = PartnerTexts.Resolve("cs");
            var notice = Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
            Assert.Equal(
                PartnerTexts.Format(czech.ExpiredUnreachableNotice, partner.Name, PartnerCards.DayOf(czech, Asked), 14, ConversationTexts.For("cs").FindPartners),
                notice.Text);

            // Nothing is tried again; a click on the card shows it expired and accepts nothing.
            clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(0, await SweepOnceAsync(factory));
            Assert.Equal(IntroductionService.ExpiryAttempts, tries);
            var contact = PartnerHost.User("29:contact-exp", ContactAad, "Jana Nováková");
            var late = await PartnerHost.ExecuteAsync(client, contactChat, contact, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = id });
            Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
            Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);
            Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
        }
    }

    [Fact]
    public async Task Sweep_ConnectorStillFailingADayAfterTheExpiry_GivesUpAtTheSecondTry()
    {
        var (factory, clock, _, partner, contactChat, requesterChat, id) = await PendingRequestAsync();
        using (factory)
        {
            var requesterMessages = factory.Connector.SentTo(requesterChat).Count;
            clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
            factory.Connector.UpdateFailure = chat => chat == contactChat ? new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "unavailable") : null;

            Assert.Equal(0, await SweepOnceAsync(factory));
            Assert.Equal(nameof(IntroductionStatus.Pending), (await StoredAsync(factory, id)).Status);

            clock.Advance(IntroductionService.ExpiryRetryWindow);
            Assert.Equal(1, await SweepOnceAsync(factory));

            Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);
            Assert.Single(factory.Logs.Entries, e => e.EventId == 2118);
            var texts = PartnerTexts.Resolve("en");
            Assert.Equal(
                PartnerTexts.Format(texts.ExpiredUnreachableNotice, partner.Name, PartnerCards.DayOf(texts, Asked), 14, ConversationTexts.For("en").FindPartners),
                Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages)).Text);
        }
    }

    /// <summary>A host on a shifted clock with one request pending for a partner whose contact has Teams (English).</summary>
    private async Task<(BotHostFactory Factory, ShiftedTimeProvider Clock, HttpClient Client, Organisation Partner, string ContactChat, string RequesterChat, string Id)> PendingRequestAsync(bool postgreSql = false, string requesterLanguage = "en")
    {
        var clock = new ShiftedTimeProvider(Asked);
        var settings = new Dictionary<string, string?> { ["Partners:IntroductionExpiryDays"] = "14" };
        if (postgreSql)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Bot"] = postgres.ConnectionString;
        }

        var factory = PartnerHost.Create(databasePath, settings, services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Liberec Flaky Lab s.r.o.", ContactAad);
        var contact = PartnerHost.User("29:contact-exp", ContactAad, "Jana Nováková");
        var contactChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, contactChat, contact);
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-exp", "Alex Wilber", "Contoso Textiles", requesterLanguage);
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Felt trial?" });
        var id = PartnerHost.FindValue(JsonDocument.Parse(PartnerHost.CardJson(Assert.Single(factory.Connector.SentTo(contactChat), a => a.Attachments?.Count > 0))).RootElement, "introductionId")!;
        return (factory, clock, client, partner, contactChat, requesterChat, id);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:10:00")]
    public void Startup_SweepIntervalNotPositive_TheHostRefusesToStartNamingTheKey(string interval)
    {
        var failure = BotHostFactory.StartupFailure(() => PartnerHost.Create(databasePath, new Dictionary<string, string?> { ["Partners:IntroductionExpirySweepInterval"] = interval }));

        Assert.Contains("Partners:IntroductionExpirySweepInterval", Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_RunsTheSweepInTheBackground()
    {
        using var factory = PartnerHost.Create(databasePath);
        factory.CreateClient().Dispose();

        Assert.Single(factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<IntroductionExpiryService>());
    }

    public void Dispose()
    {
        postgres.Dispose();
        BotHostFactory.DeleteDatabase(databasePath);
    }

    private async Task SweepAsync(bool postgreSql)
    {
        var clock = new ShiftedTimeProvider(Asked);
        var settings = new Dictionary<string, string?>
        {
            ["Partners:IntroductionExpiryDays"] = "14",
            [$"Roles:ClusterManagers:{ManagerAad}:0"] = HiTechTexPartners.ClutexId,
            [$"Roles:ClusterManagers:{SecondManagerAad}:0"] = HiTechTexPartners.ClutexId,
        };
        if (postgreSql)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Bot"] = postgres.ConnectionString;
        }

        using var factory = PartnerHost.Create(databasePath, settings, services => services.AddSingleton<TimeProvider>(clock));
        var client = factory.CreateClient();
        await PartnerHost.WaitReadyAsync(factory);
        var partner = await PartnerHost.AddOrganisationAsync(factory, "Turnov Quiet Yarns s.r.o.", contactAadObjectId: null);

        // The cluster's two managers read Portuguese and Spanish; the requester's profile is Italian.
        var portuguese = PartnerHost.User("29:manager-pt-exp", ManagerAad, "Rui Manager");
        var portugueseChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, portugueseChat, portuguese, "pt-PT");
        var spanish = PartnerHost.User("29:manager-es-exp", SecondManagerAad, "Lucía Manager");
        var spanishChat = Activities.NewConversationId();
        await PartnerHost.InstallAsync(client, spanishChat, spanish, "es-ES");
        var requesterChat = Activities.NewConversationId();
        await PartnerHost.SeedProfileAsync(factory, "29:user-exp", "Alex Wilber", "Contoso Textiles", "it");
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Yarns for a trial?" });
        var sent = Assert.Single(factory.Connector.SentTo(portugueseChat), a => a.Attachments?.Count > 0);
        var id = PartnerHost.FindValue(JsonDocument.Parse(PartnerHost.CardJson(sent)).RootElement, "introductionId")!;
        var requesterMessages = factory.Connector.SentTo(requesterChat).Count;

        // A minute before the end of the fourteenth day nothing expires.
        clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await SweepOnceAsync(factory));
        Assert.Empty(factory.Connector.UpdatesIn(portugueseChat));
        Assert.Equal(nameof(IntroductionStatus.Pending), (await StoredAsync(factory, id)).Status);

        // Past it, two instances sweep at the same moment: the request expires once.
        clock.Advance(TimeSpan.FromMinutes(2));
        var swept = await Task.WhenAll(SweepOnceAsync(factory), SweepOnceAsync(factory));
        Assert.Equal(1, swept.Sum());
        var stored = await StoredAsync(factory, id);
        Assert.Equal(nameof(IntroductionStatus.Expired), stored.Status);
        Assert.Null(stored.PendingKey);
        Assert.NotNull(stored.DecidedAt);

        // Each manager's card is replaced (the same message: PUT) by the expired card in their language, without buttons.
        foreach (var (chat, language) in new[] { (portugueseChat, "pt"), (spanishChat, "es") })
        {
            var texts = PartnerTexts.Resolve(language);
            var (_, update) = Assert.Single(factory.Connector.UpdatesIn(chat));
            var card = PartnerHost.CardJson(update);
            Assert.Contains(PartnerTexts.Format(texts.StatusExpiredOn, PartnerCards.DayOf(texts, stored.DecidedAt!.Value)), card, StringComparison.Ordinal);
            Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, card, StringComparison.Ordinal);
            Assert.DoesNotContain(IntroductionCardActionHandler.DeclineVerb, card, StringComparison.Ordinal);
        }

        // The requester is told once, in Italian, that it expired and they can ask again.
        var notice = Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
        Assert.Equal(ExpiredNotice(PartnerTexts.Resolve("it"), partner.Name), notice.Text);

        // A later sweep, and a late Accept, change and send nothing more.
        Assert.Equal(0, await SweepOnceAsync(factory));
        var late = await PartnerHost.ExecuteAsync(client, portugueseChat, portuguese, IntroductionCardActionHandler.AcceptVerb, new JsonObject { ["introductionId"] = id });
        Assert.DoesNotContain(IntroductionCardActionHandler.AcceptVerb, PartnerHost.Text(late.GetProperty("value")), StringComparison.Ordinal);
        Assert.Single(factory.Connector.UpdatesIn(portugueseChat));
        Assert.Single(factory.Connector.SentTo(requesterChat).Skip(requesterMessages));
        Assert.Equal(nameof(IntroductionStatus.Expired), (await StoredAsync(factory, id)).Status);

        // The requester may ask again at once.
        await PartnerHost.SubmitAsync(client, requesterChat, Requester, new JsonObject { ["action"] = "partners.intro.request", ["id"] = partner.Id, ["message"] = "Yarns for a trial, again?" });
        Assert.Equal(PartnerTexts.Format(PartnerTexts.Resolve("it").IntroductionSent, partner.Name), factory.Connector.SentTo(requesterChat).Last().Text);
    }

    private static string ExpiredNotice(PartnerTexts texts, string partner) =>
        PartnerTexts.Format(texts.ExpiredNotice, partner, PartnerCards.DayOf(texts, Asked), 14, ConversationTexts.For(texts.Language).FindPartners);

    /// <summary>One pass of the sweep, in its own scope (as the background service and a second instance run it).</summary>
    private static async Task<int> SweepOnceAsync(BotHostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntroductionService>().ExpireDueAsync(CancellationToken.None);
    }

    private static async Task<IntroductionEntity> StoredAsync(BotHostFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<IntroductionEntity>().AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
