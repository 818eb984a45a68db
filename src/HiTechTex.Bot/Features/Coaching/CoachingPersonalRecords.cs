using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>A participant's registrations (confirmed or waitlisted) for sessions still to come: reminders and changes will be sent.</summary>
internal sealed class CoachingPersonalRecords(BotDbContext db, TimeProvider timeProvider) : IPersonalRecords
{
    public PersonalRecordKind Kind => PersonalRecordKind.SessionRegistration;

    /// <summary>Their registrations in whatever case the id was stored in (<see cref="AadObjectIds"/>), as the exchanges'.</summary>
    public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken)
    {
        if (aadObjectId is not { Length: > 0 })
        {
            return Task.FromResult(false);
        }

        var now = timeProvider.GetUtcNow();
        var participant = AadObjectIds.Key(aadObjectId);
        return db.Registrations().AsNoTracking()
            .Where(r => r.UserAadObjectId.ToLower() == participant && r.Status != RegistrationStatus.Cancelled)
            .Join(db.Sessions().AsNoTracking(), r => r.SessionId, s => s.Id, (r, s) => s)
            .AnyAsync(s => s.Status == SessionStatus.Scheduled && s.StartsAt > now, cancellationToken);
    }
}
