using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The zone kept with a user's registrations (<see cref="CoachingRegistration.TimeZone"/>) follows the user: someone who
/// registered in Lisbon and now writes from New York gets their reminders and notices in New York time.
/// </summary>
internal sealed class CoachingTimeZoneListener(BotDbContext db, DatabaseWriteGate writeGate) : ITimeZoneListener
{
    public async Task TimeZoneChangedAsync(string aadObjectId, string timeZone, CancellationToken cancellationToken)
    {
        using var lease = await writeGate.EnterAsync(cancellationToken);
        await db.Registrations()
            .Where(r => r.UserAadObjectId == aadObjectId && r.Status != RegistrationStatus.Cancelled && (r.TimeZone == null || r.TimeZone != timeZone))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.TimeZone, timeZone), cancellationToken);
    }
}
