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
    /// The request's abort token goes to the adapter, which stops reading and authenticating when the caller leaves but
    /// runs a started turn to its end (Teams' redelivery of a slow turn is skipped as a duplicate, so that run is the
    /// only one) and writes no response to a caller who left.
    /// </remarks>
    public static WebApplication MapBotMessagingEndpoint(this WebApplication app)
    {
        app.Map("/api/messages", (HttpContext context, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
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
