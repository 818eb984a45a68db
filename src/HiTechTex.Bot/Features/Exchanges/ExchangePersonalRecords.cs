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

    /// <summary>Their applications in whatever case the id was stored in (<see cref="AadObjectIds"/>).</summary>
    public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken)
    {
        if (aadObjectId is not { Length: > 0 })
        {
            return Task.FromResult(false);
        }

        var applicant = AadObjectIds.Key(aadObjectId);
        return db.Set<ExchangeApplication>().AsNoTracking()
            .AnyAsync(e => e.ApplicantAadObjectId.ToLower() == applicant && InProgress.Contains(e.Status), cancellationToken);
    }
}
