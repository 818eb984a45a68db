using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// Introduction requests sent to the person (a partner's contact, or a cluster manager they went to) and not yet
/// answered: their cards in the person's 1:1 chat are replaced when another addressee answers or the request expires,
/// which needs that chat's address.
/// </summary>
internal sealed class IntroductionAddresseeRecords(BotDbContext db) : IPersonalRecords
{
    public PersonalRecordKind Kind => PersonalRecordKind.IntroductionToAnswer;

    public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken)
    {
        if (aadObjectId is not { Length: > 0 })
        {
            // Addressees are Entra object ids: someone Teams sent none for is none.
            return Task.FromResult(false);
        }

        // AddresseesJson is a JSON array of ids: the id in quotes is one of its elements, whatever the case it was stored in.
        var quoted = $"\"{aadObjectId.ToLowerInvariant()}\"";
        var pending = nameof(IntroductionStatus.Pending);
        return db.Set<IntroductionEntity>().AsNoTracking()
            .AnyAsync(e => e.Status == pending && e.AddresseesJson.ToLower().Contains(quoted), cancellationToken);
    }
}
