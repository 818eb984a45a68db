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

    [Theory]
    [InlineData("postgres://bot:s3cret-pg@db.example.org/bot")]
    [InlineData("Host=db.example.org;Username=bot;Password=s3cret-pg;Database=bot")]
    public void APostgreSqlConnectionWhileTheProviderIsSqlite_StopsNamingBothKeysNotTheValue_CreatesNoFolder(string connectionString)
    {
        var failure = BotHostFactory.StartupFailure(() =>
        {
            var factory = new BotHostFactory(databasePath);
            factory.Settings["ConnectionStrings:Bot"] = connectionString;
            return factory;
        });

        var message = Assert.IsType<InvalidOperationException>(failure).Message;
        Assert.Contains("Database:Provider", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Bot", message, StringComparison.Ordinal);
        Assert.Contains("looks like a PostgreSQL connection", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pg", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "postgres:")));
    }

    public void Dispose() => BotHostFactory.DeleteDatabase(databasePath);
}
