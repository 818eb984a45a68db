using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// One person's submissions at the same instant (SQLite, one process): the one-visit rule — their own pending
/// application holds the organisation's visit — is decided in the submission's write, so two drafts of one
/// organisation submitted at once submit one, and one draft submitted twice at once (a double click) submits once.
/// </summary>
public sealed class ExchangeSubmitConcurrencyTests : IDisposable
{
    private const int Rounds = 10;
    private static readonly ExchangeActor Applicant = new(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task SubmitAsync_TwoDraftsOfOneOrganisationAtOnce_OneSubmittedTheOtherStaysADraftWithTheSequentialReason()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var a = await DraftAsync();
            var b = await DraftAsync();
            host.Messenger.Invocations.Clear();
            using var barrier = new Barrier(2);

            var answers = await Task.WhenAll(Task.Run(() => SubmitAsync(a, barrier)), Task.Run(() => SubmitAsync(b, barrier)));

            var statuses = (await host.ApplicationsAsync()).Where(x => x.Id == a || x.Id == b).ToList();
            Assert.True(statuses.Count(s => s.Status == ExchangeStatus.Stage1) == 1, $"round {round}: {string.Join(", ", statuses.Select(s => s.Status))}");
            var loser = statuses.Single(s => s.Status == ExchangeStatus.Draft);
            Assert.Equal(1, loser.Version);
            Assert.Equal([ExchangeAction.Created], (await host.AuditAsync(loser.Id)).Select(e => e.Action));
            var loserAnswer = answers.Single(x => x.Application?.Id == loser.Id);
            Assert.False(loserAnswer.AlreadySubmitted);
            Assert.Equal([EligibilityProblem.AlreadyVisited], loserAnswer.Result.Problems);

            // The manager got one card: the winner's.
            host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
            Assert.Empty(await CardsAsync(loser.Id));

            // Withdrawn, the winner frees the visit for the next round (and for the loser).
            var winner = statuses.Single(s => s.Status == ExchangeStatus.Stage1);
            await WithdrawAsync(winner.Id, winner.Version);
            await WithdrawAsync(loser.Id, loser.Version);
        }
    }

    [Fact]
    public async Task SubmitAsync_SameDraftTwiceAtOnce_SubmittedOnceTheSecondToldItAlreadyIs()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var id = await DraftAsync();
            host.Messenger.Invocations.Clear();
            using var barrier = new Barrier(2);

            var answers = await Task.WhenAll(Task.Run(() => SubmitAsync(id, barrier)), Task.Run(() => SubmitAsync(id, barrier)));

            var application = (await host.ApplicationsAsync()).Single(x => x.Id == id);
            Assert.Equal((ExchangeStatus.Stage1, 2), (application.Status, application.Version));
            Assert.Single(await host.AuditAsync(id), e => e.Action == ExchangeAction.Submitted);
            Assert.Single(answers, x => x.AlreadySubmitted);
            Assert.Single(answers, x => !x.AlreadySubmitted && x.Application?.Status == ExchangeStatus.Stage1 && x.Result.IsEligible);
            host.Messenger.Verify(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()), Times.Once);
            await WithdrawAsync(id, application.Version);
        }
    }

    private async Task<Guid> DraftAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = Applicant.AadObjectId, ApplicantUserId = Applicant.UserId, ApplicantName = "Ana", TenantId = Applicant.TenantId,
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1",
            StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
        return application.Id;
    }

    private async Task<ExchangeSubmission> SubmitAsync(Guid id, Barrier barrier)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>();
        barrier.SignalAndWait();
        return await workflow.SubmitAsync(Applicant, id, 1, CancellationToken.None);
    }

    private async Task WithdrawAsync(Guid id, int version)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = await store.FindAsync(id, CancellationToken.None);
        Assert.True(await store.TransitionAsync(id, version, application!.Status, ExchangeStatus.Withdrawn, ExchangeAction.Withdrawn, Applicant, null, null, CancellationToken.None));
    }

    private async Task<IReadOnlyList<ExchangeCardReference>> CardsAsync(Guid id)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
    }
}
