using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// <c>GET /coaching/calendar/{sessionId}.ics?r={registrationId}&amp;s={signature}</c>: the calendar file the
/// confirmation card links to. Teams does not let a bot attach a file to a message without the file-consent flow (and
/// drops data: URIs), so the card carries an <c>Action.OpenUrl</c> to this endpoint, which the browser or Outlook opens
/// as an invitation. No Teams token (a calendar app fetches it), so the link itself is the permission: signed by
/// <see cref="CalendarLinks"/> for one registration, and served only while that registration holds a seat (or, for a
/// cancelled session, as its cancellation notice without the join link). Anything else — no or a forged signature, a
/// signature for another session, a cancelled or waitlisted registration — is a plain 404 that tells nothing. Added
/// by a startup filter so the feature stays in its folder.
/// </summary>
internal sealed class CalendarFileEndpoint : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(CalendarLinks.PathPrefix.TrimEnd('/'), branch => branch.Run(ServeAsync));
        next(app);
    };

    internal static async Task ServeAsync(HttpContext context)
    {
        var name = context.Request.Path.Value?.Trim('/') ?? "";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!name.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(name[..^4], out var sessionId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var links = context.RequestServices.GetRequiredService<CalendarLinks>();
        var logger = context.RequestServices.GetRequiredService<ILogger<CalendarFileEndpoint>>();
        var query = context.Request.Query;
        if (!Guid.TryParseExact(query["r"].ToString(), "N", out var registrationId) || !links.IsValid(sessionId, registrationId, query["s"].ToString()))
        {
            Log.CalendarFileRefused(logger, sessionId, "no valid signature");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var db = context.RequestServices.GetRequiredService<BotDbContext>();
        var registration = await db.Registrations().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == registrationId && r.SessionId == sessionId, context.RequestAborted);
        var session = registration is null
            ? null
            : await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, context.RequestAborted);
        if (session is null || registration is null
            || (registration.Status != RegistrationStatus.Confirmed && session.Status != SessionStatus.Cancelled))
        {
            Log.CalendarFileRefused(logger, sessionId, registration is null ? "no such registration" : "the registration holds no seat");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (session.Status == SessionStatus.Cancelled || registration.Status != RegistrationStatus.Confirmed)
        {
            // A cancellation notice updates the calendar entry; nobody needs the meeting link any more.
            session.JoinUrl = null;
        }

        context.Response.ContentType = SessionCalendarFile.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{SessionCalendarFile.FileNameOf(session)}\"";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(SessionCalendarFile.Create(session), context.RequestAborted);
    }
}
