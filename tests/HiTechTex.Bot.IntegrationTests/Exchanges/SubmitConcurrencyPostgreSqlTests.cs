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
/// The one-visit rule for one person's submissions on PostgreSQL: two real hosts (two service providers, two
/// connection pools) on one database, and the same applicant submitting two drafts of one organisation at the same
/// instant (two forms, two devices). The check before the write lets both pass; the submission's UPDATE (NOT EXISTS,
/// after the organisation's advisory lock) must submit exactly one, every round — and the same draft submitted on both
/// hosts at once (a double click reaching two instances) is submitted once.
/// </summary>
[Collection(CoachingPostgreSqlCollection.Name)]
public sealed class SubmitConcurrencyPostgreSqlTests : IDisposable
{
    private const int Rounds = 20;

    private readonly PostgreSqlHostDatabase database = new();
    private readonly ExchangeConnector connector = new();
    private readonly string manager = Guid.NewGuid().ToString();
    private readonly string[] organisations = [.. Enumerable.Range(0, Rounds).Select(i => $"test-sme-submit-race-{i}")];

    [SkippableFact]
    public async Task Submit_TwoDraftsOfOneOrganisationOnTwoInstancesAtOnce_ExactlyOneSubmittedNothingOfTheOtherWritten()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();

        for (var round = 0; round < Rounds; round++)
        {
            var applicant = new ExchangeActor(Guid.NewGuid().ToString(), "Ana", $"29:ana-{round}", "tenant");
            var a = await DraftAsync(first, organisations[round], applicant);
            var b = await DraftAsync(first, organisations[round], applicant);
            using var barrier = new Barrier(2);

            var answers = await Task.WhenAll(
                Task.Run(() => SubmitAsync(first, applicant, a, barrier)),
                Task.Run(() => SubmitAsync(second, applicant, b, barrier)));

            var statuses = new[] { await FindAsync(first, a), await FindAsync(second, b) };
            Assert.True(statuses.Count(s => s.Status == ExchangeStatus.Stage1) == 1,
                $"round {round}: {statuses[0].Status} and {statuses[1].Status} — one person submitted {statuses.Count(s => s.Status == ExchangeStatus.Stage1)} applications of one organisation");
            var loser = statuses.Single(s => s.Status == ExchangeStatus.Draft);
            Assert.Equal(1, loser.Version);
            Assert.Equal([ExchangeAction.Created], (await AuditAsync(first, loser.Id)).Select(e => e.Action));
            var loserAnswer = answers.Single(x => x.Application?.Id == loser.Id);
            Assert.Equal([EligibilityProblem.AlreadyVisited], loserAnswer.Result.Problems);
            Assert.False(loserAnswer.AlreadySubmitted);
            Assert.Empty(await CardsAsync(first, loser.Id));
            Assert.Single(await CardsAsync(first, statuses.Single(s => s.Status == ExchangeStatus.Stage1).Id));
        }
    }

    [SkippableFact]
    public async Task Submit_SameDraftOnTwoInstancesAtOnce_SubmittedOnceTheSecondToldItAlreadyIs()
    {
        Skip.If(database.SkipReason is not null, database.SkipReason);
        using var first = StartHost();
        using var second = StartHost();

        for (var round = 0; round < Rounds; round++)
        {
            var applicant = new ExchangeActor(Guid.NewGuid().ToString(), "Ana", $"29:ana-twice-{round}", "tenant");
            var id = await DraftAsync(first, organisations[round], applicant);
            using var barrier = new Barrier(2);

            var answers = await Task.WhenAll(
                Task.Run(() => SubmitAsync(first, applicant, id, barrier)),
                Task.Run(() => SubmitAsync(second, applicant, id, barrier)));

            var application = await FindAsync(first, id);
            Assert.Equal((ExchangeStatus.Stage1, 2), (application.Status, application.Version));
            Assert.Single(await AuditAsync(first, id), e => e.Action == ExchangeAction.Submitted);
            Assert.Single(answers, x => x.AlreadySubmitted);
            Assert.Single(await CardsAsync(first, id));  // the manager's one card
        }
    }

    public void Dispose() => database.Dispose();

    private BotHostFactory StartHost() => ExchangeRaceHosts.Start(database, connector, organisations, manager);

    /// <summary>A complete, eligible draft of <paramref name="organisation"/> by <paramref name="applicant"/> (version 1).</summary>
    private static async Task<Guid> DraftAsync(BotHostFactory host, string organisation, ExchangeActor applicant)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = organisation, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = applicant.AadObjectId, ApplicantUserId = applicant.UserId, ApplicantName = applicant.Name, TenantId = applicant.TenantId,
            ApplicantConversationId = $"a:{Guid.NewGuid():N}", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.KnowledgeSharing, Objectives = "Learn the pilot line.", Agenda = "Day 1: lab.", ExpectedOutcomes = "A proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
        return application.Id;
    }

    /// <summary>The applicant's Submit of version 1 on <paramref name="host"/>, released with the other one.</summary>
    private static async Task<ExchangeSubmission> SubmitAsync(BotHostFactory host, ExchangeActor applicant, Guid id, Barrier barrier)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>();
        barrier.SignalAndWait();
        return await workflow.SubmitAsync(applicant, id, 1, CancellationToken.None);
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

    private static async Task<IReadOnlyList<ExchangeCardReference>> CardsAsync(BotHostFactory host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
    }
}
