using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Protocol;
using HiTechTex.Bot.Tests.Language;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>
/// The dangerous flag is not refused outside Development (a local Production run may want it), but it is never quiet:
/// the start-up warning names the environment it is on in, and it is only there when the flag is.
/// </summary>
public sealed class AuthenticationModeWarningTests
{
    private const int DangerEventId = 1340;

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Development")]
    public async Task StartAsync_FlagOn_WarnsNamingTheEnvironment(string environmentName)
    {
        var logger = new ListLogger<AuthenticationModeWarning>();

        await Warning(new BotOptions { DangerouslyAllowUnauthenticatedRequests = true }, environmentName, logger).StartAsync(CancellationToken.None);

        var entry = Assert.Single(logger.Entries, e => e.EventId.Id == DangerEventId);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("DANGER:", entry.Message, StringComparison.Ordinal);
        Assert.Contains($"({environmentName})", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("11111111-1111-1111-1111-111111111111")]
    public async Task StartAsync_FlagOff_NoDangerWarning(string? appId)
    {
        var logger = new ListLogger<AuthenticationModeWarning>();

        await Warning(new BotOptions { MicrosoftAppId = appId }, "Production", logger).StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == DangerEventId);
    }

    private static AuthenticationModeWarning Warning(BotOptions options, string environmentName, ILogger<AuthenticationModeWarning> logger)
    {
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(environmentName);
        return new AuthenticationModeWarning(Options.Create(options), environment.Object, logger);
    }
}
