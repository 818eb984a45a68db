using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The host side sees an application once it reached them at stage 2 (<see cref="ExchangeViews"/>), and after it, when
/// sent back and submitted again, deciding nothing. An application sent back may get another host: that host was never
/// reached, and sees it only once the visiting side validates it for them.
/// </summary>
public sealed class ExchangeHostChangedTests : IDisposable
{
    private const string ClutexManagerId = "33333333-3333-3333-3333-333333333333";
    private const string NttManagerId = "44444444-4444-4444-4444-444444444444";

    private static readonly ExchangeActor Applicant = new(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant");
    private static readonly ExchangeActor VisitingManager = new(ExchangeDialogTestHost.VisitingManagerId, "Rui Gestor", "29:manager", "tenant");
    private static readonly ExchangeActor ClutexManager = new(ClutexManagerId, "Jana", "29:jana", "tenant");

    private readonly ExchangeDialogTestHost host = new(new Dictionary<string, string?>
    {
        [$"Roles:ClusterManagers:{ClutexManagerId}:0"] = HiTechTexPartners.ClutexId,
        [$"Roles:ClusterManagers:{NttManagerId}:0"] = HiTechTexPartners.TecnotessileId,
    });

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task SentBackAtStage2_HostChangedAndSubmittedAgain_TheNewHostSeesNothingUntilTheVisitingSideValidatesIt()
    {
        // Before: the audit's stage 2 let any host side see it, so the new host's manager could open the edited
        // application (sent back, then at stage 1) that the visiting side had not validated for them.
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var views = scope.ServiceProvider.GetRequiredService<ExchangeViews>();
        var application = await SentBackByTheHostAsync(store);

        var edited = await store.FindAsync(application.Id, CancellationToken.None);
        edited!.HostOrganisationId = HiTechTexPartners.TecnotessileId;
        Assert.Equal(5, await store.SaveDraftAsync(edited, 4, CancellationToken.None));
        var sentBack = (await store.FindAsync(application.Id, CancellationToken.None))!;
        var nttWhileSentBack = await views.ForAsync(sentBack, NttManagerId, CancellationToken.None);
        Assert.True(await store.TransitionAsync(application.Id, 5, ExchangeStatus.ChangesRequested, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None));
        var resubmitted = (await store.FindAsync(application.Id, CancellationToken.None))!;
        var nttAtStage1 = await views.ForAsync(resubmitted, NttManagerId, CancellationToken.None);
        var clutexAtStage1 = await views.ForAsync(resubmitted, ClutexManagerId, CancellationToken.None);

        Assert.False(nttWhileSentBack.CanSee);
        Assert.False(nttAtStage1.CanSee);
        Assert.False(clutexAtStage1.CanSee);  // no longer its host
        Assert.True((await views.ForAsync(resubmitted, ExchangeDialogTestHost.VisitingManagerId, CancellationToken.None)).CanDecide);

        // Validated by the visiting side, it reaches the new host, who decides.
        Assert.True(await store.TransitionAsync(application.Id, 6, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, VisitingManager, null, null, CancellationToken.None));
        var atStage2 = (await store.FindAsync(application.Id, CancellationToken.None))!;
        Assert.True((await views.ForAsync(atStage2, NttManagerId, CancellationToken.None)).CanDecide);
    }

    [Fact]
    public async Task SentBackAtStage2_SameHostSubmittedAgain_TheHostSideStillSeesItDecidingNothing()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var views = scope.ServiceProvider.GetRequiredService<ExchangeViews>();
        var application = await SentBackByTheHostAsync(store);

        Assert.True(await store.TransitionAsync(application.Id, 4, ExchangeStatus.ChangesRequested, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None));
        var resubmitted = (await store.FindAsync(application.Id, CancellationToken.None))!;
        var clutex = await views.ForAsync(resubmitted, ClutexManagerId, CancellationToken.None);
        var ntt = await views.ForAsync(resubmitted, NttManagerId, CancellationToken.None);

        Assert.Equal((true, false), (clutex.CanSee, clutex.CanDecide));
        Assert.False(ntt.CanSee);
    }

    /// <summary>
    /// The test user's application to CLUTEX, validated by CITEVE's manager, its card sent to CLUTEX's manager (as the
    /// notifier records it), who sent it back: at version 4, changes requested.
    /// </summary>
    private static async Task<ExchangeApplication> SentBackByTheHostAsync(ExchangeStore store)
    {
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = Applicant.AadObjectId, ApplicantUserId = Applicant.UserId, ApplicantName = "Ana", TenantId = "tenant",
            ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
            ActivityType = ExchangeActivityType.Networking, Objectives = "Meet the nonwoven partners.", Agenda = "Day 1: lab.", ExpectedOutcomes = "A joint proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None));
        Assert.True(await store.TransitionAsync(application.Id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, VisitingManager, null, null, CancellationToken.None));
        await store.AddCardAsync(application.Id, ClutexManagerId, "a:jana", "activity-jana", CancellationToken.None);
        Assert.True(await store.TransitionAsync(application.Id, 3, ExchangeStatus.Stage2, ExchangeStatus.ChangesRequested, ExchangeAction.ChangesRequested, ClutexManager, "Other dates, please.", null, CancellationToken.None));
        return (await store.FindAsync(application.Id, CancellationToken.None))!;
    }
}
