using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Turns;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace HiTechTex.Bot.Hosting;

/// <summary>The HTTP surface: the messaging endpoint and the health probes.</summary>
internal static class EndpointExtensions
{
    /// <summary>
    /// <c>/api/messages</c> for every method: the adapter answers POST, HEAD (200, the Agents Playground probes with
    /// it) and 405 for the rest, as the protocol requires (checklist 10).
    /// </summary>
    /// <remarks>
    /// A turn is not stopped when its caller goes away (<c>RequestAborted</c>): Teams gives up after about 15 s and
    /// redelivers the activity with the same id, which the de-duplication skips, so the first turn is the only one that
    /// will ever run for it. Stopped halfway, the user's message would be lost (and half done); run to its end, its
    /// replies still reach the user through the connector. At shutdown the server waits for running requests.
    /// </remarks>
    public static WebApplication MapBotMessagingEndpoint(this WebApplication app)
    {
        app.Map("/api/messages", (HttpContext context, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context.Request, context.Response, bot, CancellationToken.None));
        return app;
    }

    /// <summary><c>/healthz</c>: the process is alive. <c>/readyz</c>: the database answers (200) or not (503).</summary>
    public static WebApplication MapBotHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag) });
        return app;
    }
}
