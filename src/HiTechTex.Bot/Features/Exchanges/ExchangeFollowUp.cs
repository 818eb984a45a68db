using System.Globalization;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// One pass of the follow-up: reminds each pending approver once per stage after <c>Exchanges:ReminderAfterDays</c>,
/// and asks the applicant once for the closing report after the last day. "Once" is decided in the database
/// (<see cref="ExchangeStore.TryClaimReminderAsync"/>), so two bot instances running the pass together send each
/// message exactly once.
/// </summary>
internal sealed class ExchangeFollowUp(
    ExchangeStore store,
    ExchangeApprovers approvers,
    ExchangeNotifier notifier,
    ExchangeClock clock,
    IOptionsMonitor<ExchangeOptions> options,
    ILogger<ExchangeFollowUp> logger)
{
    public async Task<(int Reminders, int ReportRequests)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var due = clock.Now - TimeSpan.FromDays(options.CurrentValue.ReminderAfterDays);
        var reminders = 0;
        foreach (var application in await store.ListAsync([ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ReportSubmitted], cancellationToken).ConfigureAwait(false))
        {
            if (application.StatusChangedAt > due)
            {
                continue;
            }

            var kind = $"{application.Status}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
            foreach (var approver in await approvers.CurrentAsync(application, cancellationToken).ConfigureAwait(false))
            {
                if (!await store.TryClaimReminderAsync(application.Id, kind, approver, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
                var texts = await notifier.TextsForAsync(application, approver, cancellationToken).ConfigureAwait(false);
                await notifier.SendTextToUserAsync(application, approver, string.Format(CultureInfo.InvariantCulture, texts.ReminderFormat, application.Reference), cancellationToken).ConfigureAwait(false);
                await notifier.SendCardAsync(application, approver, texts, refresh, cancellationToken).ConfigureAwait(false);
                reminders++;
            }
        }

        var reports = 0;
        foreach (var application in await store.ListAsync([ExchangeStatus.Approved], cancellationToken).ConfigureAwait(false))
        {
            if (application.EndDate is not { } end || end >= clock.Today || application.ReportRequestedAt is not null
                || !await store.TryClaimReminderAsync(application.Id, "report", application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await store.MarkReportRequestedAsync(application.Id, cancellationToken).ConfigureAwait(false);
            var texts = await notifier.TextsForAsync(application, application.ApplicantAadObjectId, cancellationToken).ConfigureAwait(false);
            await notifier.NotifyApplicantAsync(application, string.Format(CultureInfo.InvariantCulture, texts.ReportRequestFormat, application.Reference), cancellationToken).ConfigureAwait(false);
            var refresh = await notifier.RefreshUserIdsAsync(application, cancellationToken).ConfigureAwait(false);
            await notifier.SendCardAsync(application, application.ApplicantAadObjectId, texts, refresh, cancellationToken).ConfigureAwait(false);
            reports++;
        }

        if (reminders + reports > 0)
        {
            Log.FollowUpRan(logger, reminders, reports);
        }

        return (reminders, reports);
    }
}
