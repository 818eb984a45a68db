using HiTechTex.Bot.IntegrationTests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.IntegrationTests;

/// <summary>
/// What <see cref="BotHostFactory.StartupFailure"/> relies on: a host that refuses to start logs why itself, before it is
/// disposed, so the test factory's <see cref="ObjectDisposedException"/> race cannot hide the reason.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string databasePath = BotHostFactory.NewDatabasePath();

    [Fact]
    public void AHostThatRefusesToStart_LogsTheValidationFailureItself()
    {
        using var factory = new BotHostFactory(databasePath);
        factory.Settings["Messaging:MaxActivityBytes"] = "1000";

        Assert.ThrowsAny<Exception>(() => factory.CreateClient().Dispose());

        var logged = Assert.Single(factory.Logs.Entries, entry => entry.Category == "Microsoft.Extensions.Hosting.Internal.Host" && entry.Level >= LogLevel.Error);
        Assert.Contains("Messaging:MaxActivityBytes", Assert.IsType<OptionsValidationException>(logged.Exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostThatStarts_ReportsNoFailure()
    {
        var failure = BotHostFactory.StartupFailure(() => new BotHostFactory(databasePath));

        Assert.Null(failure);
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
