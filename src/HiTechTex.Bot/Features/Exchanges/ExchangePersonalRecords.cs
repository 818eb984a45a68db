using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// An applicant's applications in progress — waiting for a decision, sent back for changes, approved (the closing
/// report's request is to come) or with the report under review: the bot still has things to tell them.
/// </summary>
internal sealed class ExchangePersonalRecords(BotDbContext db) : IPersonalRecords
{
    private static readonly ExchangeStatus[] InProgress =
        [ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeStatus.ChangesRequested, ExchangeStatus.Approved, ExchangeStatus.ReportSubmitted];

    public PersonalRecordKind Kind => PersonalRecordKind.ExchangeApplication;

    public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken) =>
        aadObjectId is not { Length: > 0 }
            ? Task.FromResult(false)
            : db.Set<ExchangeApplication>().AsNoTracking()
                .AnyAsync(e => e.ApplicantAadObjectId == aadObjectId && InProgress.Contains(e.Status), cancellationToken);
}
