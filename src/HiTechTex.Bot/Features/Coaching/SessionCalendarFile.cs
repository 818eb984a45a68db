using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The session as an iCalendar file (RFC 5545, Ical.Net) for people without the Graph meeting: same title, times,
/// place and join link as the cards. Times are written in UTC, which every calendar converts; a stable UID and a
/// SEQUENCE that grows with each edit let an import update the earlier one.
/// </summary>
internal static class SessionCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="texts">The reader's language: an online session without a join link is "Online" in it.</param>
    public static string Create(CoachingSession session, CoachingTexts texts)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(texts);
        var cancelled = session.Status == SessionStatus.Cancelled;
        var calendarEvent = new CalendarEvent
        {
            Uid = UidOf(session),
            Summary = session.Title,
            Description = session.JoinUrl is { Length: > 0 } join ? $"{session.Description}\n\n{join}" : session.Description,
            Location = session.Mode == SessionMode.Online ? session.JoinUrl ?? texts.OnlineWithoutTeams : session.Location,
            DtStart = new CalDateTime(session.StartsAt.UtcDateTime),
            DtEnd = new CalDateTime(session.EndsAt.UtcDateTime),
            DtStamp = new CalDateTime(session.UpdatedAt.UtcDateTime),
            Sequence = session.Revision,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + session.OrganizerMailbox),
        };
        if (session.JoinUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var joinUri))
        {
            calendarEvent.Url = joinUri;
        }

        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH" };
        calendar.Events.Add(calendarEvent);
        return Refold(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    /// <summary>
    /// Ical.Net folds lines at 75 octets but may cut between the two halves of a surrogate pair (an emoji in a long
    /// description), which UTF-8 then writes as two U+FFFD: the lines are unfolded and folded again (RFC 5545 §3.1)
    /// at whole characters, never more than 75 octets a line.
    /// </summary>
    private static string Refold(string serialized)
    {
        const int MaxOctets = 75;
        var folded = new StringBuilder(serialized.Length + 64);
        foreach (var line in serialized.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > MaxOctets)
                {
                    folded.Append("\r\n ");
                    octets = 1;     // the space that marks the continuation
                }

                folded.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            folded.Append("\r\n");
        }

        return folded.ToString();
    }

    public static string UidOf(CoachingSession session) => $"{session.Id:D}@coaching.hitechtex-bot";

    public static string FileNameOf(CoachingSession session) => $"session-{session.Id:N}.ics";
}
