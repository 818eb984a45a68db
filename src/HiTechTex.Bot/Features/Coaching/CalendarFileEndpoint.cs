using HiTechTex.Bot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// <c>GET /coaching/calendar/{sessionId}.ics</c>: the calendar file the confirmation card links to. Teams does not
/// let a bot attach a file to a message without the file-consent flow (and drops data: URIs), so the card carries an
/// <c>Action.OpenUrl</c> to this endpoint, which the browser or Outlook opens as an invitation. Anonymous on
/// purpose (a calendar app fetches it without a Teams token); the id is a random GUID and the file holds only
/// catalog data. Added by a startup filter so the feature stays in its folder.
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

        var db = context.RequestServices.GetRequiredService<BotDbContext>();
        var session = await db.Sessions().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, context.RequestAborted);
        if (session is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = SessionCalendarFile.ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{SessionCalendarFile.FileNameOf(session)}\"";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(SessionCalendarFile.Create(session), context.RequestAborted);
    }
}
