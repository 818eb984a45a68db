using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// ClusterXchange through the real host (fake connector), on each provider: the whole approval flow across host
/// restarts, forged and stale actions, and 50 concurrent approvals.
/// </summary>
public abstract partial class ExchangeFlowTests(HostDatabase database)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ExchangeConnector connector = new();
    private readonly ExchangeUser applicant = new("Ana");
    private readonly ExchangeUser visitingManager = new("Vasco");
    private readonly ExchangeUser secondVisitingManager = new("Vera");
    private readonly ExchangeUser hostManager = new("Hana");
    private readonly ExchangeUser coordinator = new("Carla");
    private readonly ExchangeUser stranger = new("Sam");
    private readonly ExchangeUser hostContact = new("Hugo");

    [SkippableFact]
    public async Task Flow_ApplyApproveTwiceReportValidate_CountedAndEveryoneUpdatedAcrossRestarts()
    {
        SkipUnlessAvailable();

        // Application → stage-1 card to the visiting side's managers.
        Guid id;
        using (var host = CreateHost())
        {
            await SeedProfileAsync(host, applicant);
            var client = host.CreateClient();
            await PostAsync(client, Message(applicant, "apply for exchange"));
            var formId = LastFormId(applicant);
            var eligibility = connector.To(applicant.ConversationId)[^1].CardJson;
            Assert.Contains("Choose the host organisation.", eligibility, StringComparison.Ordinal);

            await PostAsync(client, Submit(applicant, formId, "submit", HiTechTexPartners.CiteveId));

            id = await SingleApplicationIdAsync(host, applicant);
            Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
            var stage1Cards = connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId));
            Assert.Contains(stage1Cards, s => s.Operation == "send" && s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));
            Assert.Contains(connector.To(ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId)), s => s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));
            Assert.DoesNotContain(connector.All, s => s.ConversationId == ExchangeConnector.PersonalConversationOf(hostManager.AadObjectId));
            var applicantCard = connector.To(applicant.ConversationId)[^1].CardJson;
            Assert.Contains("Waiting for the visiting cluster", applicantCard, StringComparison.Ordinal);
            Assert.DoesNotContain("exchange.approve", applicantCard, StringComparison.Ordinal);
            Assert.Contains("€780", applicantCard, StringComparison.Ordinal);
        }

        // Restart; stage 1 approves → stage-2 card to the host side, earlier cards updated, applicant told.
        using (var host = CreateHost())
        {
            var client = host.CreateClient();
            var sentBefore = connector.All.Count;
            var card = await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);

            Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
            Assert.Contains("Waiting for the host", card, StringComparison.Ordinal);
            Assert.DoesNotContain("exchange.approve", card, StringComparison.Ordinal);
            var after = connector.All.Skip(sentBefore).ToList();
            Assert.Contains(after, s => s.Operation == "send" && s.ConversationId == ExchangeConnector.PersonalConversationOf(hostManager.AadObjectId)
                && s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));
            Assert.Contains(after, s => s.Operation == "update" && s.ConversationId == applicant.ConversationId && s.CardJson.Contains("Waiting for the host", StringComparison.Ordinal));
            Assert.Contains(after, s => s.Operation == "update" && s.ConversationId == ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId)
                && !s.CardJson.Contains("exchange.approve", StringComparison.Ordinal));
            Assert.Contains(after, s => s.Operation == "update" && s.ConversationId == ExchangeConnector.PersonalConversationOf(secondVisitingManager.AadObjectId));
            Assert.Contains(after, s => s.ConversationId == applicant.ConversationId && s.Activity.Text is { } text && text.Contains("is now: Waiting for the host", StringComparison.Ordinal));
        }

        // Restart; stage 2 approves → approved.
        using (var host = CreateHost())
        {
            var client = host.CreateClient();
            var card = await InvokeAsync(client, hostManager, ExchangeVerbs.Approve, id, 3, comment: "Welcome!");

            Assert.Equal((ExchangeStatus.Approved, 4), await StatusAsync(host, id));
            Assert.Contains("Welcome!", card, StringComparison.Ordinal);
            Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Approved", StringComparison.Ordinal) == true);
            Assert.Contains(connector.To(applicant.ConversationId), s => s.Operation == "update" && s.CardJson.Contains("Approved", StringComparison.Ordinal));

            // Too early for the closing report: refused, nothing changed.
            var early = await InvokeAsync(client, applicant, ExchangeVerbs.Report, id, 4, report: true);
            Assert.Contains("after the last day", early, StringComparison.Ordinal);
            Assert.Equal((ExchangeStatus.Approved, 4), await StatusAsync(host, id));

            // After the last day the follow-up asks the applicant once for the closing report.
            time.SetUtcNow(new DateTimeOffset(2027, 3, 8, 9, 0, 0, TimeSpan.Zero));
            await RunFollowUpAsync(host);
            await RunFollowUpAsync(host);
            Assert.Single(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("please send the closing report", StringComparison.Ordinal) == true);

            await InvokeAsync(client, applicant, ExchangeVerbs.Report, id, 4, report: true);
            Assert.Equal((ExchangeStatus.ReportSubmitted, 5), await StatusAsync(host, id));
            Assert.Contains(connector.To(ExchangeConnector.PersonalConversationOf(visitingManager.AadObjectId)),
                s => s.Operation == "update" && s.CardJson.Contains("exchange.validateReport", StringComparison.Ordinal));

            // Not counted before validation.
            await SeedProfileAsync(host, coordinator);
            await PostAsync(client, Message(coordinator, "exchange progress"));
            Assert.Contains("0 of 80 exchanges completed", connector.To(coordinator.ConversationId)[^1].CardJson, StringComparison.Ordinal);

            await InvokeAsync(client, visitingManager, ExchangeVerbs.ValidateReport, id, 5);
            Assert.Equal((ExchangeStatus.Completed, 6), await StatusAsync(host, id));
            Assert.Contains(connector.To(applicant.ConversationId), s => s.Activity.Text?.Contains("is now: Completed", StringComparison.Ordinal) == true);

            await PostAsync(client, Message(coordinator, "exchange progress"));
            var progress = connector.To(coordinator.ConversationId)[^1].CardJson;
            Assert.Contains("1 of 80 exchanges completed", progress, StringComparison.Ordinal);
            Assert.Contains("PT → CZ: completed 1", progress, StringComparison.Ordinal);
            Assert.Contains("Portuguese Textile Cluster / CITEVE: completed 1", progress, StringComparison.Ordinal);

            // The audit trail: every transition once, in order.
            await using var scope = host.Services.CreateAsyncScope();
            var audit = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
            Assert.Equal(
                [ExchangeAction.Created, ExchangeAction.Submitted, ExchangeAction.Approved, ExchangeAction.Approved, ExchangeAction.ReportSubmitted, ExchangeAction.ReportValidated],
                audit.Select(a => a.Action));
            Assert.Equal([visitingManager.AadObjectId, hostManager.AadObjectId], audit.Where(a => a.Action == ExchangeAction.Approved).Select(a => a.ActorAadObjectId));
        }
    }

    [SkippableFact]
    public async Task Invoke_ForgedAndStaleActions_RefusedAndNothingChanged()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, HiTechTexPartners.TecnotessileId);

        // Wrong people: the applicant, a stranger, the host-side manager before stage 2, the coordinator.
        foreach (var (user, verb) in new[]
        {
            (applicant, ExchangeVerbs.Approve), (stranger, ExchangeVerbs.Approve), (hostManager, ExchangeVerbs.Approve),
            (coordinator, ExchangeVerbs.Reject), (stranger, ExchangeVerbs.Withdraw), (visitingManager, ExchangeVerbs.Withdraw),
            (visitingManager, ExchangeVerbs.ValidateReport), (stranger, ExchangeVerbs.Refresh),
        })
        {
            var card = await InvokeAsync(client, user, verb, id, 2, comment: "forged");
            Assert.True(card.Contains("You cannot do this", StringComparison.Ordinal), $"{user.Name} {verb}: {card}");
            Assert.DoesNotContain(ExchangeTexts.English.Objectives, card, StringComparison.Ordinal);
        }

        // Tampered data: unknown id, no version, garbage version, wrong verb. A button whose data cannot be read says so:
        // there is no form to check.
        Assert.Contains("cannot find", await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, Guid.NewGuid(), 2), StringComparison.Ordinal);
        Assert.Contains("This button is out of date or could not be read", await InvokeRawAsync(client, visitingManager, ExchangeVerbs.Approve, new JsonObject { ["exchangeId"] = id.ToString() }), StringComparison.Ordinal);
        Assert.Contains("This button is out of date or could not be read", await InvokeRawAsync(client, visitingManager, ExchangeVerbs.Approve, new JsonObject { ["exchangeId"] = id.ToString(), ["v"] = "2; DROP" }), StringComparison.Ordinal);
        Assert.Contains("This button is out of date or could not be read", await InvokeRawAsync(client, visitingManager, ExchangeVerbs.Approve, new JsonObject { ["exchangeId"] = "x", ["v"] = 2 }), StringComparison.Ordinal);

        // A forged "open" button for somebody else's application: answered like an unknown one, nothing recorded.
        await SeedProfileAsync(host, stranger);
        await PostAsync(client, Activities.Base("message", stranger.ConversationId, a =>
        {
            a["from"] = From(stranger);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Open, ["exchangeId"] = id.ToString() };
        }));
        Assert.Equal("I cannot find this application.", connector.To(stranger.ConversationId)[^1].Activity.Text);

        // The Action.Submit fallback of older clients runs the same checks.
        await PostAsync(client, Activities.Base("message", stranger.ConversationId, a =>
        {
            a["from"] = From(stranger);
            a["value"] = new JsonObject { ["action"] = ExchangeVerbs.Approve, ["exchangeId"] = id.ToString(), ["v"] = 2 };
        }));
        Assert.Contains("You cannot do this", connector.To(stranger.ConversationId)[^1].CardJson, StringComparison.Ordinal);

        // Reject and request changes need a comment: the card comes back with the reason.
        Assert.Contains("Please write a comment", await InvokeAsync(client, visitingManager, ExchangeVerbs.Reject, id, 2), StringComparison.Ordinal);

        // Reassign to somebody who is not a manager of the same cluster: refused.
        Assert.Contains("not valid", await InvokeAsync(client, visitingManager, ExchangeVerbs.Reassign, id, 2, reassignTo: stranger.AadObjectId), StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        Assert.Equal(2, await AuditCountAsync(host, id));

        // A real reassign; then the first manager's card is stale, and they are no longer the approver.
        await InvokeAsync(client, visitingManager, ExchangeVerbs.Reassign, id, 2, reassignTo: secondVisitingManager.AadObjectId);
        Assert.Equal((ExchangeStatus.Stage1, 3), await StatusAsync(host, id));
        var stale = await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 2);
        Assert.Contains("out of date", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("exchange.approve", stale, StringComparison.Ordinal);
        Assert.Contains("You cannot do this", await InvokeAsync(client, visitingManager, ExchangeVerbs.Approve, id, 3), StringComparison.Ordinal);
        Assert.Equal((ExchangeStatus.Stage1, 3), await StatusAsync(host, id));

        // The refresh gives each role its own view.
        Assert.Contains("exchange.approve", await InvokeAsync(client, secondVisitingManager, ExchangeVerbs.Refresh, id, 0), StringComparison.Ordinal);
        var applicantView = await InvokeAsync(client, applicant, ExchangeVerbs.Refresh, id, 0);
        Assert.DoesNotContain("exchange.approve", applicantView, StringComparison.Ordinal);
        Assert.Contains("exchange.withdraw", applicantView, StringComparison.Ordinal);

        Assert.Equal(3, await AuditCountAsync(host, id));
    }

    [SkippableFact]
    public async Task Invoke_FiftyConcurrentApprovals_ExactlyOneTransitionAndOneAuditEntry()
    {
        SkipUnlessAvailable();
        using var host = CreateHost();
        var client = host.CreateClient();
        var id = await SubmitAsync(host, client, HiTechTexPartners.AeiTextilsId);
        var sentBefore = connector.All.Count;
        using var start = new ManualResetEventSlim();

        var approvals = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var approver = i % 2 == 0 ? visitingManager : secondVisitingManager;
            return await InvokeAsync(client, approver, ExchangeVerbs.Approve, id, 2);
        })).ToList();
        start.Set();
        var cards = await Task.WhenAll(approvals);

        Assert.Equal((ExchangeStatus.Stage2, 3), await StatusAsync(host, id));
        await using var scope = host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
        Assert.Single(audit, a => a.Action == ExchangeAction.Approved);
        Assert.All(cards, c => Assert.Contains("Waiting for the host", c, StringComparison.Ordinal));
        Assert.Single(connector.All.Skip(sentBefore), s => s.Operation == "send" && s.ConversationId == ExchangeConnector.PersonalConversationOf(hostManager.AadObjectId));
        Assert.Single(connector.All.Skip(sentBefore), s => s.Activity.Text?.Contains("is now:", StringComparison.Ordinal) == true);
    }

    private BotHostFactory CreateHost(bool withFollowUpService = false)
    {
        var host = database.CreateHost(services =>
        {
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton<IConnectorClient>(connector);
            services.RemoveAll<IPartnerDirectory>();
            services.AddSingleton<IPartnerDirectory>(sp => new InMemoryPartnerDirectory(
                new PartnerSearchIndex(path: null, sp.GetRequiredService<ILogger<PartnerSearchIndex>>()), Organisations()));

            // Other features' periodic services are not under test here, and on the fake clock a jump of weeks replays
            // every period they missed (5 s for the coaching outbox: 600,000 passes for five weeks), which kept the
            // SQLite variant of the full flow busy for minutes behind the database write gate.
            Type[] periodic = [typeof(CoachingOutboxService), typeof(CoachingReminderService), typeof(PartnerDirectoryStartup)];
            foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && periodic.Contains(d.ImplementationType)).ToList())
            {
                services.Remove(service);
            }

            // The follow-up runs when the test says so (the background timer would race the assertions).
            if (!withFollowUpService)
            {
                var followUp = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ExchangeFollowUpService));
                services.Remove(followUp);
            }
        });
        host.Settings[$"Roles:ClusterManagers:{visitingManager.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        host.Settings[$"Roles:ClusterManagers:{visitingManager.AadObjectId}:1"] = HiTechTexPartners.TecnotessileId;
        host.Settings[$"Roles:ClusterManagers:{visitingManager.AadObjectId}:2"] = HiTechTexPartners.AeiTextilsId;
        host.Settings[$"Roles:ClusterManagers:{visitingManager.AadObjectId}:3"] = HiTechTexPartners.DenizliId;
        host.Settings[$"Roles:ClusterManagers:{visitingManager.AadObjectId}:4"] = HiTechTexPartners.AtevalId;
        host.Settings[$"Roles:ClusterManagers:{secondVisitingManager.AadObjectId}:0"] = HiTechTexPartners.CiteveId;
        host.Settings[$"Roles:ClusterManagers:{secondVisitingManager.AadObjectId}:1"] = HiTechTexPartners.TecnotessileId;
        host.Settings[$"Roles:ClusterManagers:{secondVisitingManager.AadObjectId}:2"] = HiTechTexPartners.AeiTextilsId;
        host.Settings[$"Roles:ClusterManagers:{secondVisitingManager.AadObjectId}:3"] = HiTechTexPartners.AtevalId;
        host.Settings[$"Roles:ClusterManagers:{hostManager.AadObjectId}:0"] = HiTechTexPartners.ClutexId;
        host.Settings["Roles:Coordinators:0"] = coordinator.AadObjectId;
        host.Settings["Exchanges:PublicBaseUrl"] = "https://bot.example.org";
        host.Settings["Exchanges:ExportLinkSecret"] = "export-link-secret-of-the-tests-0123456789";
        return host;
    }

    /// <summary>The six partners, CLUTEX with a contact who uses Teams, and a Portuguese SME member of CITEVE's cluster.</summary>
    private IReadOnlyList<Organisation> Organisations()
    {
        var clutex = HiTechTexPartners.All.Single(o => o.Id == HiTechTexPartners.ClutexId);
        var citeve = HiTechTexPartners.All.Single(o => o.Id == HiTechTexPartners.CiteveId);
        return
        [
            .. HiTechTexPartners.All.Where(o => o.Id != HiTechTexPartners.ClutexId),
            clutex with { Contacts = [.. clutex.Contacts, new PartnerContact("Hugo Novák", "hugo@clutex.example", hostContact.AadObjectId)] },
            citeve with { Id = SpanishSmeId, Name = "Tejidos de Alcoy (test SME)", Kind = OrganisationKind.Sme, Country = "ES", City = "Alcoi", Location = new GeoPoint(38.70, -0.47), ClusterId = HiTechTexPartners.AtevalId },
            citeve with { Id = FallbackSmeId, Name = "Fios de Guimarães (test SME)", Kind = OrganisationKind.Sme, City = "Guimarães", ClusterId = HiTechTexPartners.CiteveId },
            citeve with { Id = LanguageSmeId, Name = "Têxteis de Braga (test SME)", Kind = OrganisationKind.Sme, City = "Braga", Location = new GeoPoint(41.55, -8.42), ClusterId = HiTechTexPartners.CiteveId },
            citeve with { Id = MemberSmeId, Name = "Malhas do Porto (test SME)", Kind = OrganisationKind.Sme, City = "Porto", Location = new GeoPoint(41.15, -8.61), ClusterId = HiTechTexPartners.CiteveId },
            .. NoticeSmeIds.Select((id, i) => citeve with { Id = id, Name = $"Têxtil Minho {i} (test SME)", Kind = OrganisationKind.Sme, City = "Braga", Location = new GeoPoint(41.55, -8.42), ClusterId = HiTechTexPartners.CiteveId }),
            citeve with { Id = NoManagerSmeId, Name = "Tessitura di Prato (test SME)", Kind = OrganisationKind.Sme, Country = "IT", City = "Prato", Location = new GeoPoint(43.88, 11.10), ClusterId = null },
            citeve with { Id = LateManagerSmeId, Name = "Lanificio di Biella (test SME)", Kind = OrganisationKind.Sme, Country = "IT", City = "Biella", Location = new GeoPoint(45.57, 8.05), ClusterId = null },
            citeve with { Id = StoppedSendSmeId, Name = "Setificio di Como (test SME)", Kind = OrganisationKind.Sme, Country = "IT", City = "Como", Location = new GeoPoint(45.81, 9.08), ClusterId = null },
            citeve with { Id = StoppedOnTheWireSmeId, Name = "Lanificio di Schio (test SME)", Kind = OrganisationKind.Sme, Country = "IT", City = "Schio", Location = new GeoPoint(45.71, 11.36), ClusterId = null },
            citeve with { Id = DeliverySmeId, Name = "Rendas de Vila do Conde (test SME)", Kind = OrganisationKind.Sme, City = "Vila do Conde", Location = new GeoPoint(41.35, -8.74), ClusterId = HiTechTexPartners.CiteveId },
            citeve with { Id = GroupChatSmeId, Name = "Bordados de Viana (test SME)", Kind = OrganisationKind.Sme, City = "Viana do Castelo", Location = new GeoPoint(41.69, -8.83), ClusterId = HiTechTexPartners.CiteveId },
        ];
    }

    private const string MemberSmeId = "test-sme-malhas-do-porto";

    private const string LanguageSmeId = "test-sme-texteis-de-braga";

    private const string SpanishSmeId = "test-sme-tejidos-de-alcoy";

    private const string FallbackSmeId = "test-sme-fios-de-guimaraes";

    private const string GroupChatSmeId = "test-sme-bordados-de-viana";

    /// <summary>Members of CITEVE's cluster, one per test of the notices, withdrawals and exports (an organisation visits once).</summary>
    private static readonly string[] NoticeSmeIds = [.. Enumerable.Range(0, 27).Select(i => $"test-sme-textil-minho-{i}")];

    /// <summary>An SME of no cluster that no manager is configured for.</summary>
    private const string NoManagerSmeId = "test-sme-tessitura-di-prato";

    /// <summary>An SME of no cluster whose manager is configured only after its application was submitted.</summary>
    private const string LateManagerSmeId = "test-sme-lanificio-di-biella";

    private async Task<Guid> SubmitAsync(BotHostFactory host, HttpClient client, string visitingId)
    {
        await SeedProfileAsync(host, applicant, organisationId: visitingId);
        await PostAsync(client, Message(applicant, "apply for exchange"));
        await PostAsync(client, Submit(applicant, LastFormId(applicant), "submit", visitingId));
        var id = await SingleApplicationIdAsync(host, applicant);
        Assert.Equal((ExchangeStatus.Stage1, 2), await StatusAsync(host, id));
        return id;
    }

    /// <summary>A profile naming CITEVE, or the directory organisation <paramref name="organisationId"/> (the only one the user may apply for).</summary>
    private static async Task SeedProfileAsync(BotHostFactory host, ExchangeUser user, string language = "en", string? organisationId = null)
    {
        var storage = host.Services.GetRequiredService<IStorage>();
        var profile = JsonSerializer.SerializeToElement(
            new { profile = new { name = user.Name, organisation = organisationId ?? "CITEVE", organisationId, language } }, BotState.DefaultJsonOptions);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [$"msteams/users/{user.UserId}"] = new(profile, "*") });
    }

    private static async Task<Guid> SingleApplicationIdAsync(BotHostFactory host, ExchangeUser user)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var applications = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().ListForApplicantAsync(user.AadObjectId, CancellationToken.None);
        return Assert.Single(applications).Id;
    }

    private static async Task<(ExchangeStatus, int)> StatusAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var application = await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None);
        return (application!.Status, application.Version);
    }

    private static async Task<int> AuditCountAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Set<ExchangeAuditEntry>().CountAsync(a => a.ExchangeId == id);
    }

    private static async Task RunFollowUpAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(CancellationToken.None);
    }

    private string LastFormId(ExchangeUser user)
    {
        var card = connector.To(user.ConversationId).Last(s => s.CardJson.Contains("formId", StringComparison.Ordinal)).CardJson;
        return FormIdPattern().Match(card).Groups[1].Value;
    }

    private static JsonObject From(ExchangeUser user) =>
        new() { ["id"] = user.UserId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };

    private static JsonObject Message(ExchangeUser user, string text) => Activities.Base("message", user.ConversationId, a =>
    {
        a["from"] = From(user);
        a["text"] = text;
    });

    private static JsonObject Submit(ExchangeUser user, string formId, string op, string visitingId, string? hostId = HiTechTexPartners.ClutexId) => Activities.Base("message", user.ConversationId, a =>
    {
        a["from"] = From(user);
        a["value"] = new JsonObject
        {
            ["formId"] = formId, ["op"] = op, ["visitingId"] = visitingId, ["hostQuery"] = "clutex", ["hostId"] = hostId,
            ["startDate"] = "2027-03-01", ["endDate"] = "2027-03-05", ["activityType"] = "KnowledgeSharing",
            ["objectives"] = "Learn the nonwoven pilot line.", ["agenda"] = "Day 1: lab. Days 2–5: pilot line.", ["outcomes"] = "A joint proposal.",
        };
    });

    private static Task<string> InvokeAsync(HttpClient client, ExchangeUser user, string verb, Guid id, int version,
        string? comment = null, string? reassignTo = null, bool report = false)
    {
        var data = new JsonObject { ["exchangeId"] = id.ToString(), ["v"] = version };
        if (comment is not null)
        {
            data["comment"] = comment;
        }

        if (reassignTo is not null)
        {
            data["reassignTo"] = reassignTo;
        }

        if (report)
        {
            data["reportOutcomes"] = "Two technicians trained; proposal drafted.";
            data["evidenceTickets"] = "true";
            data["evidenceInvoices"] = "true";
            data["evidenceAgenda"] = "false";
        }

        return InvokeRawAsync(client, user, verb, data);
    }

    private static async Task<string> InvokeRawAsync(HttpClient client, ExchangeUser user, string verb, JsonObject data)
    {
        var activity = Activities.Base("invoke", user.ConversationId, a =>
        {
            a["from"] = From(user);
            a["name"] = InvokeNames.AdaptiveCardAction;
            a["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        });
        var body = await PostAsync(client, activity);
        var response = JsonNode.Parse(body)!;
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]!.GetValue<string>());
        return response["value"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static async Task<string> PostAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    [GeneratedRegex("\"formId\":\"([0-9a-f]{32})\"")]
    private static partial Regex FormIdPattern();

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);
}
