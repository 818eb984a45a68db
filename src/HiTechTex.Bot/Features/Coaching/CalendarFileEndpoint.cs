using HiTechTex.Bot.Hosting.Pages;
using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// <c>GET /coaching/calendar/{sessionId}.ics?r={registrationId}&amp;s={signature}</c>: the calendar file the
/// confirmation card links to. Teams does not let a bot attach a file to a message without the file-consent flow (and
/// drops data: URIs), so the card carries an <c>Action.OpenUrl</c> to this endpoint, which the browser or Outlook opens
/// as an invitation. No Teams token (a calendar app fetches it), so the link itself is the permission: signed by
/// <see cref="CalendarLinks"/> for one registration, and served only while that registration holds a seat (or, for a
/// cancelled session, as its cancellation notice without the join link). Anything else is a 404 with a short page
/// (<see cref="LinkRefusalPage"/>, in the browser's language): "this link is not valid" for no or a forged signature or
/// a signature for another session; for a correctly signed link whose registration holds no seat (cancelled, or on the
/// waiting list), that it no longer opens an invitation — only the person the link was made for can see that. Added by
/// a startup filter so the feature stays in its folder.
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
            LinkRefusalPage.MethodNotAllowed(context);
            return;
        }

        if (!name.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(name[..^4], out var sessionId))
        {
            await LinkRefusalPage.NotValidAsync(context);
            return;
        }

        var links = context.RequestServices.GetRequiredService<CalendarLinks>();
        var logger = context.RequestServices.GetRequiredService<ILogger<CalendarFileEndpoint>>();
        var query = context.Request.Query;
        if (!Guid.TryParseExact(query["r"].ToString(), "N", out var registrationId) || !links.IsValid(sessionId, registrationId, query["s"].ToString()))
        {
            Log.CalendarFileRefused(logger, sessionId, "no valid signature");
            await LinkRefusalPage.NotValidAsync(context);
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
            await LinkRefusalPage.WriteAsync(context, StatusCodes.Status404NotFound, null, (t, _) => (t.CalendarNoSeatTitle, t.CalendarNoSeat));
            return;
        }

        if (session.Status == SessionStatus.Cancelled || registration.Status != RegistrationStatus.Confirmed)
        {
            // A cancellation notice updates the calendar entry; nobody needs the meeting link any more.
            session.JoinUrl = null;
        }

        context.Response.ContentType = SessionCalendarFile.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{SessionCalendarFile.FileNameOf(session)}\"";
        context.Response.Headers.CacheControl = "no-store";   // personal: the join link of one registration
        context.Response.Headers.XContentTypeOptions = "nosniff";   // a calendar file, never sniffed as a page (like the CSV export)
        await context.Response.WriteAsync(SessionCalendarFile.Create(session, CoachingTexts.Resolve(registration.Language)), context.RequestAborted);
    }
}
