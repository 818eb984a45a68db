using HiTechTex.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting;

/// <summary>Says loudly at start-up when the host accepts unauthenticated requests, or rejects every request.</summary>
internal sealed class AuthenticationModeWarning(IOptions<BotOptions> options, IHostEnvironment environment, ILogger<AuthenticationModeWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.DangerouslyAllowUnauthenticatedRequests)
        {
            Log.UnauthenticatedRequestsAllowed(logger, environment.EnvironmentName);
        }
        else if (!bot.IsAuthenticationConfigured)
        {
            Log.AuthenticationNotConfigured(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
