using System.Globalization;
using System.Net;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// A submission's approval card that the connector failed to deliver: the follow-up's next passes try again (a
/// bounded number of times, within a day) and deliver it once; an approver the bot cannot reach at all (not installed:
/// no conversation, 403/404) makes the applicant told whom to contact, once — and told again when it reaches them later.
/// </summary>
public sealed class ExchangeCardDeliveryRetryTests : IDisposable
{
    private static readonly ExchangeTexts En = ExchangeTexts.English;
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeCardDeliveryRetryTests()
    {
        host = fixture.Host;
        fixture.ManagerSend = _ => throw new InvalidOperationException("not set");
    }

    public void Dispose() => fixture.Dispose();

    public static TheoryData<string> TransientFailures => ["500", "timeout", "network"];

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task Submit_CardDeliveryFailsThenSucceeds_NextFollowUpPassDeliversItOnce(string failure)
    {
        // Arrange: the connector fails at the submission.
        fixture.ManagerSend = _ => throw ExchangeRetryTestHost.Transient(failure);
        var id = await fixture.SubmitAsync();
        Assert.Empty(await fixture.CardsAsync(id));
        Assert.Equal(1, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));

        // Act: the connector is back; the follow-up runs (at start-up, then every interval).
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-9");
        var first = await fixture.RunFollowUpAsync();
        var second = await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        var third = await fixture.RunFollowUpAsync();

        // Assert: one card delivered, at the first pass; never a second one.
        Assert.Equal(new ExchangeFollowUpResult(1, 0, 0), first);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), second);
        Assert.Equal(new ExchangeFollowUpResult(0, 0, 0), third);
        Assert.Equal(2, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Single(await fixture.CardsAsync(id), c => c.RecipientAadObjectId == ExchangeDialogTestHost.VisitingManagerId);
        // The applicant was never told it was stuck (it was not, for long), so not that it now reached an approver either.
        Assert.Empty(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

    [Fact]
    public async Task FollowUp_CardDeliveryKeepsFailing_TriedABoundedNumberOfTimesThenTheApplicantToldOnce()
    {
        fixture.ManagerSend = _ => throw ExchangeRetryTestHost.Transient("500");
        var id = await fixture.SubmitAsync();
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;

        // Every interval for a day and more.
        for (var pass = 0; pass < 30; pass++)
        {
            await fixture.RunFollowUpAsync();
            host.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ExchangeNotifier.CardDeliveryAttempts, fixture.CardsTo(ExchangeDialogTestHost.VisitingManagerId));
        Assert.Empty(await fixture.CardsAsync(id));
        var told = Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.ApproverUnreachableFormat, reference, Citeve(), Contact()), told);
    }

    [Theory]
    [InlineData("no reference")]
    [InlineData("blocked")]
    [InlineData("403")]
    [InlineData("404")]
    public async Task Submit_ApproverCannotBeReached_ApplicantToldAtOnceOnceAndAgainWhenTheCardReachesThemLater(string failure)
    {
        fixture.ManagerSend = _ => Permanent(failure);
        var id = await fixture.SubmitAsync();
        var reference = (await host.ApplicationsAsync()).Single(a => a.Id == id).Reference;
        var told = Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, En.ApproverUnreachableFormat, reference, Citeve(), Contact()), told);

        // Still unreachable at the next passes: not told twice.
        await fixture.RunFollowUpAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await fixture.RunFollowUpAsync();
        Assert.Single(fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
        Assert.Empty(await fixture.CardsAsync(id));

        // The manager installs the bot: the next pass delivers the card, once, and the applicant hears it reached them.
        fixture.ManagerSend = _ => new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-9");
        host.Time.Advance(TimeSpan.FromHours(1));
        var delivered = await fixture.RunFollowUpAsync();
        var after = await fixture.RunFollowUpAsync();

        Assert.Equal(1, delivered.LateCards);
        Assert.Equal(0, after.LateCards);
        Assert.Single(await fixture.CardsAsync(id));
        Assert.Equal(
            [told, string.Format(CultureInfo.InvariantCulture, En.ReachedApproverFormat, reference)],
            fixture.TextsTo(ExchangeDialogTestHost.ApplicantId));
    }

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
}
