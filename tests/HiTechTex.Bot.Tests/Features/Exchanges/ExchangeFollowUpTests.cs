using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The follow-up pass for an application submitted while nobody could approve it: the cluster manager configured
/// afterwards gets its card at the next pass (and at start-up), once — not days later with the reminder.
/// </summary>
public sealed class ExchangeFollowUpTests : IDisposable
{
    private const string ManagerKey = $"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0";

    // The one manager of the test host manages another partner: nobody may decide a CITEVE application.
    private readonly ExchangeDialogTestHost host = new(new Dictionary<string, string?> { [ManagerKey] = HiTechTexPartners.TecnotessileId });

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task RunOnceAsync_ManagerConfiguredAfterTheSubmission_CardSentAtTheNextPassOnceAcrossPassesAndRestarts()
    {
        // Arrange
        var id = await SubmitAsync();
        Assert.Equal(0, CardsToManager());
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);

        // Act
        var first = await RunFollowUpAsync();
        var second = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        var afterAnHour = await RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(1, 0, 0), first);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), second);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), afterAnHour);
        Assert.Equal(1, CardsToManager());
        Assert.Contains(await CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt")]
    [InlineData("es")]
    [InlineData("it")]
    [InlineData("tr")]
    [InlineData("cs")]
    public async Task RunOnceAsync_StuckApplicationsCardReachesALateManager_ApplicantToldOnceInTheirLanguage(string language)
    {
        // Arrange: nobody could decide, and the applicant was told so in their language.
        var texts = ExchangeTexts.Resolve(language);
        var id = await SubmitAsync(language);
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;
        var stuck = Assert.Single(TextsToApplicant());
        Assert.Contains(reference, stuck, StringComparison.Ordinal);
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);

        // Act
        await RunFollowUpAsync();
        await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(4));
        await RunFollowUpAsync();

        // Assert
        var reached = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.ReachedApproverFormat, reference);
        Assert.Single(TextsToApplicant(), t => t == reached);
        Assert.Contains(reference, reached, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_SecondManagerConfiguredAfterTheFirstHadTheCard_ApplicantNotToldItReachedAnApprover()
    {
        // Arrange: the step had its approver from the submission; another is added later and gets a late card.
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);
        var id = await SubmitAsync();
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;
        host.Reconfigure($"Roles:ClusterManagers:{SecondManagerId}:0", HiTechTexPartners.CiteveId);

        // Act
        var result = await RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(1, 0, 0), result);
        Assert.DoesNotContain(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExchangeTexts.English.ReachedApproverFormat, reference), TextsToApplicant());
        Assert.DoesNotContain(TextsToApplicant(), t => t.Contains("No approver", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_LateManagersCard_ReminderComesTheReminderDelayAfterTheirCardNotAfterTheSubmission()
    {
        // Arrange: configured five days after the submission, when the stage's reminder would already be due.
        await SubmitAsync();
        host.Time.Advance(TimeSpan.FromDays(5));
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);

        // Act
        var withTheCard = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(2));
        var twoDaysLater = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var threeDaysLater = await RunFollowUpAsync();
        var again = await RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(1, 0, 0), withTheCard);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), twoDaysLater);
        Assert.Equal(new ExchangeFollowUpResult(0, 1, 0), threeDaysLater);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), again);
        Assert.Single(TextsToManager(), t => t.StartsWith("Reminder:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_ManagerHadTheCardFromTheSubmission_NoSecondCard()
    {
        // Arrange
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);
        await SubmitAsync();
        Assert.Equal(1, CardsToManager());

        // Act
        var result = await RunFollowUpAsync();

        // Assert
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), result);
        Assert.Equal(1, CardsToManager());
    }

    [Fact]
    public async Task ExecuteAsync_Started_RunsAPassAtOnceWithoutWaitingForTheInterval()
    {
        // Arrange: the fake clock never moves, so only a pass at start-up can send the card.
        await SubmitAsync();
        host.Reconfigure(ManagerKey, HiTechTexPartners.CiteveId);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Messenger.Setup(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback(() => delivered.TrySetResult())
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-9"));
        using var service = new ExchangeFollowUpService(
            host.Conversation.Services.GetRequiredService<IServiceScopeFactory>(), host.Time,
            host.Conversation.Services.GetRequiredService<IOptionsMonitor<ExchangeOptions>>(), NullLogger<ExchangeFollowUpService>.Instance);

        // Act
        await service.StartAsync(CancellationToken.None);
        await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, CardsToManager());
    }

    private const string SecondManagerId = "33333333-3333-3333-3333-333333333333";

    private async Task<Guid> SubmitAsync(string language = "en")
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ExchangeStore>();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant-1",
            ApplicantLanguage = language, StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await store.CreateAsync(application, CancellationToken.None);
        var actor = new ExchangeActor(ExchangeDialogTestHost.ApplicantId, "Ana", "29:user-1", "tenant-1");
        var (result, submitted) = await scope.ServiceProvider.GetRequiredService<ExchangeWorkflow>().SubmitAsync(actor, application.Id, 1, CancellationToken.None);
        Assert.True(result.IsEligible, string.Join(", ", result.Problems));
        Assert.Equal(ExchangeStatus.Stage1, submitted?.Status);
        return application.Id;
    }

    private async Task<ExchangeFollowUpResult> RunFollowUpAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeFollowUp>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<ExchangeCardReference>> CardsAsync(Guid id)
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CardsAsync(id, CancellationToken.None);
    }

    private int CardsToManager() => SentToManager().Count(a => a.Attachments is { Count: > 0 });

    private IReadOnlyList<string> TextsToManager() => [.. SentToManager().Select(a => a.Text).OfType<string>()];

    private IReadOnlyList<string> TextsToApplicant() => [.. host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], ExchangeDialogTestHost.ApplicantId))
        .Select(i => i.Arguments[2]).OfType<Activity>().Select(a => a.Text).OfType<string>()];

    private IEnumerable<Activity> SentToManager() => host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], ExchangeDialogTestHost.VisitingManagerId))
        .Select(i => i.Arguments[2]).OfType<Activity>();
}
