using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Protocol.Connector;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The "nobody may decide" notice to the applicant, sent once more by the follow-up after its first send was stopped on
/// the wire (2327, then 2398). Before: the resend logged the operator's warning again — 2307 (no approver configured) or
/// 2323 (the only approver is the applicant) — as if the step had become undecidable a second time. Now the warning is
/// logged once per real event (the step reached nobody), and the resend has only its own information line (2398).
/// </summary>
public sealed class ExchangeNoApproverLoggedOnceTests : IDisposable
{
    private const string ManagerKey = $"Roles:ClusterManagers:{ExchangeDialogTestHost.VisitingManagerId}:0";
    private readonly ExchangeRetryTestHost fixture = new();
    private readonly ExchangeDialogTestHost host;

    public ExchangeNoApproverLoggedOnceTests() => host = fixture.Host;

    public void Dispose() => fixture.Dispose();

    [Theory]
    [InlineData(false, 2307)]
    [InlineData(true, 2323)]
    public async Task NoApproverNotice_StoppedOnTheWireThenSentOnceMore_WarningLoggedOnce(bool applicantIsTheOnlyManager, int warning)
    {
        // Arrange: nobody (else) may decide a CITEVE application; the host stops with the applicant's notice on the wire.
        host.Reconfigure(ManagerKey, HiTechTexPartners.TecnotessileId);
        if (applicantIsTheOnlyManager)
        {
            host.Reconfigure($"Roles:ClusterManagers:{fixture.ApplicantId}:0", HiTechTexPartners.CiteveId);
        }

        using var stopping = new CancellationTokenSource();
        fixture.ApplicantSend = _ =>
        {
            stopping.Cancel();
            throw new OperationCanceledException(stopping.Token);
        };
        var id = await fixture.CreateAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.SubmitAsync(id, stopping.Token));
        Assert.Single(host.Logs.Entries, e => e.EventId == warning);
        var told = Assert.Single(fixture.TextsTo(fixture.ApplicantId));

        // Act: the restarted host's passes.
        fixture.ApplicantSend = _ => ExchangeRetryTestHost.Delivered;
        await fixture.RunFollowUpAsync();
        host.Time.Advance(ExchangeDeliveryClaim.InFlightBound + TimeSpan.FromMinutes(1));
        await fixture.RunFollowUpAsync();

        // Assert: sent once more (its own line, 2398), the operator's warning not repeated.
        Assert.Equal([told, told], fixture.TextsTo(fixture.ApplicantId));
        Assert.Single(host.Logs.Entries, e => e.EventId == 2398);
        Assert.Single(host.Logs.Entries, e => e.EventId == warning);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId == (warning == 2307 ? 2323 : 2307));
    }
}
