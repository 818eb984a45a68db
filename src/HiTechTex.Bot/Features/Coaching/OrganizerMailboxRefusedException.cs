using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// Graph does not know the session's organizer mailbox: a 404 whose error code names the mailbox
/// (<c>ErrorInvalidUser</c>…), or a 404 on creating an event in it (nothing else there can be missing). Its message —
/// the outbox row's last error — starts with <see cref="MarkOf"/>, which says for which mailbox and revision of the
/// session, so that a retry of the same session can tell the refusal is already known.
/// </summary>
internal sealed class OrganizerMailboxRefusedException(CoachingSession session, ApiException refusal)
    : Exception(MarkOf(session) + "; " + Describe(refusal), refusal)
{
    /// <summary>Graph's error codes for a mailbox it does not know (or that has no Exchange Online mailbox).</summary>
    private static readonly HashSet<string> MailboxCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ErrorInvalidUser", "MailboxNotEnabledForRESTAPI", "ErrorMailboxNotEnabledForRESTAPI", "ErrorNonExistentMailbox", "Request_ResourceNotFound",
    };

    /// <summary>The start of the last error of a row refused for the session's mailbox as it is now.</summary>
    public static string MarkOf(CoachingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return "organizer mailbox refused: " + session.OrganizerMailbox + " (revision " + session.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>A 404/410 whose Graph error code says the mailbox, not the event, is missing.</summary>
    public static bool NamesTheMailbox(ApiException refusal) =>
        refusal is ODataError { Error.Code: { } code } && refusal.ResponseStatusCode is 404 or 410 && MailboxCodes.Contains(code);

    private static string Describe(ApiException refusal) =>
        (refusal as ODataError)?.Error?.Code is { } code ? $"HTTP {refusal.ResponseStatusCode} {code}" : $"HTTP {refusal.ResponseStatusCode}";
}
