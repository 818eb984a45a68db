using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A submission's approval card that the connector failed to deliver: the follow-up's next passes try again (a
/// bounded number of times, within a day) and deliver it once; an approver the bot cannot reach at all (not installed:
/// no conversation, 403/404) makes the applicant told whom to contact, once — and told again when it reaches them later.
/// </summary>
public sealed class ExchangeCardDeliveryRetryTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeDialogTestHost host = new();
    private Func<ProactiveSendResult> managerSend = () => throw new InvalidOperationException("not set");

    public ExchangeCardDeliveryRetryTests() =>
        host.Messenger.Setup(m => m.SendToUserAsync(ExchangeDialogTestHost.VisitingManagerId, It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => managerSend());

    public void Dispose() => host.Dispose();

    public static TheoryData<string> TransientFailures => ["500", "timeout", "network"];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Submit_CardDeliveryFailsThenSucceeds_NextFollowUpPassDeliversItOnce(string failure)
    {
        // Arrange: the connector fails at the submission.
        managerSend = () => throw Transient(failure);
        var id = await SubmitAsync();
        Assert.Empty(await CardsAsync(id));
        Assert.Equal(1, CardAttemptsToManager());

        // Act: the connector is back; the follow-up runs (at start-up, then every interval).
        managerSend = () => new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-9");
        var first = await RunFollowUpAsync();
        var second = await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        var third = await RunFollowUpAsync();

        // Assert: one card delivered, at the first pass; never a second one.
        Assert.Equal(new ExchangeFollowUpResult(1, 0, 0), first);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), second);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), third);
        Assert.Equal(2, CardAttemptsToManager());
        Assert.Single(await CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        // The applicant was never told it was stuck (it was not, for long), so not that it now reached an approver either.
        Assert.Empty(TextsToApplicant());
    }

    [Fact]
    public async Task FollowUp_CardDeliveryKeepsFailing_TriedABoundedNumberOfTimesThenTheApplicantToldOnce()
    {
        managerSend = () => throw Transient("500");
        var id = await SubmitAsync();
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;

        // Every interval for a day and more.
        for (var pass = 0; pass < 30; pass++)
        {
            await RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ExchangeNotifier.CardDeliveryAttempts, CardAttemptsToManager());
        Assert.Empty(await CardsAsync(id));
        var told = Assert.Single(TextsToApplicant());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.ApproverUnreachableFormat, reference, Citeve(), Contact()), told);
    }

    [Theory]
    [InlineData("no reference")]
    [InlineData("blocked")]
    [InlineData("403")]
    [InlineData("404")]
    public async Task Submit_ApproverCannotBeReached_ApplicantToldAtOnceOnceAndAgainWhenTheCardReachesThemLater(string failure)
    {
        managerSend = () => Permanent(failure);
        var id = await SubmitAsync();
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;
        var told = Assert.Single(TextsToApplicant());
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.ApproverUnreachableFormat, reference, Citeve(), Contact()), told);

        // Still unreachable at the next passes: not told twice.
        await RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await RunFollowUpAsync();
        Assert.Single(TextsToApplicant());
        Assert.Empty(await CardsAsync(id));

        // The manager installs the bot: the next pass delivers the card, once, and the applicant hears it reached them.
        managerSend = () => new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-9");
        host.Time.Advance(TimeSpan.FromHours(1));
        var delivered = await RunFollowUpAsync();
        var after = await RunFollowUpAsync();

        Assert.Equal(1, delivered.LateCards);
        Assert.Equal(0, after.LateCards);
        Assert.Single(await CardsAsync(id));
        Assert.Equal(
            [told, string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, reference)],
            TextsToApplicant());
    }

    private static Exception Transient(string failure) => failure switch
    {
        "500" => new ConnectorException(HttpStatusCode.InternalServerError, null, "Service unavailable"),
        "timeout" => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout."),
        _ => new HttpRequestException("Connection refused"),
    };

    private static ProactiveSendResult Permanent(string failure) => failure switch
    {
        "no reference" => new ProactiveSendResult(ProactiveSendStatus.NoReference),
        "blocked" => new ProactiveSendResult(ProactiveSendStatus.Blocked),
        "403" => throw new ConnectorException(HttpStatusCode.Forbidden, null, "Forbidden"),
        _ => throw new ConnectorException(HttpStatusCode.NotFound, null, "Conversation not found"),
    };

    private static string Citeve() =>
        HiTechTex.Bot.Features.Conversation.NameRule.ForPlainMessage(ExchangeCards.OrganisationLabel(ExchangeTestData.Citeve, HiTechTexPartners.CiteveId));

    private static string Contact() => string.Format(CultureInfo.InvariantCulture, En.CoordinatorContactFormat, new HiTechTex.Bot.Hosting.Pages.PrivacyOptions().Operator);

    private async Task<Guid> SubmitAsync()
    {
        await using var scope = host.Conversation.Services.CreateAsyncScope();
        var application = new ExchangeApplication
        {
            Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
            ApplicantAadObjectId = ExchangeDialogTestHost.ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant-1",
            ApplicantLanguage = "en", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5), ActivityType = ExchangeActivityType.KnowledgeSharing,
            Objectives = "Learn the nanofibre lab methods.", Agenda = "Day 1 lab tour, days 2-5 trials.", ExpectedOutcomes = "A joint project proposal.",
        };
        await scope.ServiceProvider.GetRequiredService<ExchangeStore>().CreateAsync(application, CancellationToken.None);
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

    private int CardAttemptsToManager() => host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], ExchangeDialogTestHost.VisitingManagerId))
        .Select(i => i.Arguments[2]).OfType<Activity>().Count(a => a.Attachments is { Count: > 0 });

    private IReadOnlyList<string> TextsToApplicant() => [.. host.Messenger.Invocations
        .Where(i => i.Method.Name == nameof(IProactiveMessenger.SendToUserAsync) && Equals(i.Arguments[0], ExchangeDialogTestHost.ApplicantId))
        .Select(i => i.Arguments[2]).OfType<Activity>().Select(a => a.Text).OfType<string>()];
}
