using System.Text.Json;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Coaching;
using HiTechTex.Bot.IntegrationTests.Persistence;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HiTechTex.Bot.IntegrationTests.Exchanges;

/// <summary>
/// The one-visit rule under concurrency on PostgreSQL: two real hosts (two service providers, two connection pools,
/// two DbContexts) on one database, and two cluster managers approving two different applications of the same
/// organisation at the same instant. Under READ COMMITTED the stage-1 UPDATE's NOT EXISTS alone lets both pass; the
/// organisation's advisory lock must make exactly one win, every round.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class StageOneConcurrencyPostgreSqlTests : IDisposable
{
    private const int Rounds = 20;

    private readonly PostgreSqlHostDatabase database = new();
    private readonly ExchangeConnector connector = new();
    private readonly ExchangeActor firstManager = new(Guid.NewGuid().ToString(), "Vasco Almeida", "29:vasco", "tenant");
    private readonly ExchangeActor secondManager = new(Guid.NewGuid().ToString(), "Vera Costa", "29:vera", "tenant");
    private readonly string[] organisations = [.. Enumerable.Range(0, Rounds).Select(i => $"test-sme-race-{i}")];

    [SkippableFact]
    public async Task Approve_TwoApplicationsOfOneOrganisationOnTwoInstancesAtOnce_ExactlyOneValidatedTheOtherToldPolitely()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();

        for (var round = 0; round < Rounds; round++)
        {
            var organisation = organisations[round];
            var a = await SubmittedAsync(first, organisation, "Ana");
            var b = await SubmittedAsync(first, organisation, "Bruno");
            using var barrier = new Barrier(2);

            var answers = await Task.WhenAll(
                Task.Run(() => ApproveAsync(first, firstManager, a, barrier)),
                Task.Run(() => ApproveAsync(second, secondManager, b, barrier)));

            var statuses = new[] { await FindAsync(first, a), await FindAsync(second, b) };
            Assert.True(statuses.Count(s => s.Status == ExchangeStatus.Stage2) == 1,
                $"round {round}: {statuses[0].Status} and {statuses[1].Status} — the organisation's one visit was validated {statuses.Count(s => s.Status == ExchangeStatus.Stage2)} times");
            var winner = Array.FindIndex(statuses, s => s.Status == ExchangeStatus.Stage2);
            var loser = 1 - winner;

            // The loser: untouched (status, version, no approval in its history), and its manager told why.
            Assert.Equal((ExchangeStatus.Stage1, 2), (statuses[loser].Status, statuses[loser].Version));
            var loserAudit = await AuditAsync(first, statuses[loser].Id);
            Assert.Equal([ExchangeAction.Created, ExchangeAction.Submitted], loserAudit.Select(e => e.Action));
            Assert.Contains(ExchangeTexts.English.Problems[EligibilityProblem.AlreadyVisited], answers[loser], StringComparison.Ordinal);
            Assert.DoesNotContain(ExchangeTexts.English.ChangedMeanwhile, answers[loser], StringComparison.Ordinal);
            Assert.Contains("exchange.approve", answers[loser], StringComparison.Ordinal);  // still theirs to decide (reject, or approve later)
            Assert.Empty(connector.To(statuses[loser].ApplicantConversationId));

            // The winner: validated once, its card says so.
            Assert.Equal((ExchangeStatus.Stage2, 3), (statuses[winner].Status, statuses[winner].Version));
            Assert.Single(await AuditAsync(first, statuses[winner].Id), e => e.Action == ExchangeAction.Approved);
            Assert.DoesNotContain(ExchangeTexts.English.Problems[EligibilityProblem.AlreadyVisited], answers[winner], StringComparison.Ordinal);
        }
    }

    public void Dispose() => database.Dispose();

    private BotHostFactory StartHost() => ExchangeRaceHosts.Start(database, connector, organisations, firstManager.AadObjectId, secondManager.AadObjectId);

    /// <summary>An application of <paramref name="organisation"/> by a new applicant, submitted (stage 1, version 2).</summary>
    private static async Task<Guid> SubmittedAsync(BotHostFactory host, string organisation, string applicantName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var applicant = new ExchangeActor(Guid.NewGuid().ToString(), applicantName, "29:" + applicantName.ToLowerInvariant(), "tenant");
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = organisation, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = applicant.AadObjectId, ApplicantUserId = applicant.UserId, ApplicantName = applicantName, TenantId = "tenant",
            ApplicantConversationId = $"a:{Guid.NewGuid():N}", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.KnowledgeSharing, Objectives = "Learn the pilot line.", Agenda = "Day 1: lab.", ExpectedOutcomes = "A proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, applicant, null, null, CancellationToken.None));
        return application.Id;
    }

    /// <summary>The manager's Approve on the application's card (version 2), on <paramref name="host"/>, released with the other one.</summary>
    private static async Task<string> ApproveAsync(BotHostFactory host, ExchangeActor manager, Guid id, Barrier barrier)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>();
        using var data = JsonDocument.Parse($$"""{"exchangeId":"{{id}}","v":2}""");
        barrier.SignalAndWait();
        var answer = await workflow.HandleAsync(manager, ExchangeVerbs.Approve, data.RootElement, ExchangeTexts.English, CancellationToken.None);
        return answer.Card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static async Task<ExchangeApplication> FindAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ExchangeStore>().FindAsync(id, CancellationToken.None))!;
    }

    private static async Task<IReadOnlyList<ExchangeAuditEntry>> AuditAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
    }
}
