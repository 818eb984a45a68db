using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>A requester's introduction requests still waiting for an answer: its answer (or expiry) will be told to them.</summary>
internal sealed class IntroductionPersonalRecords(BotDbContext db) : IPersonalRecords
{
    public PersonalRecordKind Kind => PersonalRecordKind.IntroductionRequest;

    public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken)
    {
        var key = aadObjectId is { Length: > 0 } ? aadObjectId : userId;
        var pending = nameof(IntroductionStatus.Pending);
        return db.Set<IntroductionEntity>().AsNoTracking()
            .AnyAsync(e => e.Status == pending && (e.RequesterKey == key || (aadObjectId != null && e.RequesterAadObjectId == aadObjectId)), cancellationToken);
    }
}
