using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Tests.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;

namespace HiTechTex.Bot.Tests.Persistence;

public sealed class DatabaseSettingsWarningTests
{
    private const int EventId = 1345;

    [Theory]
    [InlineData("Host=db;Username=bot;Include Error Detail=true", "Production", true)]
    [InlineData("Host=db;Username=bot;IncludeErrorDetail=True", "Staging", true)]
    [InlineData("Host=db;Username=bot;Include Error Detail=false", "Production", false)]
    [InlineData("Host=db;Username=bot", "Production", false)]
    [InlineData("Host=db;Username=bot;Include Error Detail=true", "Development", false)]
    public async Task StartAsync_PostgreSql_WarnsOnlyForErrorDetailOutsideDevelopment(string connectionString, string environmentName, bool warned)
    {
        var logger = new ListLogger<DatabaseSettingsWarning>();
        var warning = new DatabaseSettingsWarning(Database(DatabaseOptions.PostgreSql, connectionString, environmentName), Environment(environmentName), logger);

        await warning.StartAsync(CancellationToken.None);

        var entries = logger.Entries.Where(e => e.EventId.Id == EventId).ToList();
        Assert.Equal(warned ? 1 : 0, entries.Count);
        if (warned)
        {
            Assert.Equal(LogLevel.Warning, entries[0].Level);
            Assert.Contains(environmentName, entries[0].Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Host=db", entries[0].Message, StringComparison.Ordinal); // the connection string itself is never logged
        }
    }

    [Fact]
    public async Task StartAsync_Sqlite_NeverWarns()
    {
        var logger = new ListLogger<DatabaseSettingsWarning>();
        var warning = new DatabaseSettingsWarning(Database(DatabaseOptions.Sqlite, "Data Source=:memory:", "Production"), Environment("Production"), logger);

        await warning.StartAsync(CancellationToken.None);

        Assert.Empty(logger.Entries);
    }

    [Theory]
    [InlineData("Include Error Detail=yes-please")]
    [InlineData("Unknown Keyword=1")]
    public void IncludesErrorDetail_UnreadableString_IsFalse(string connectionString) =>
        Assert.False(DatabaseSettingsWarning.IncludesErrorDetail(connectionString));

    private static IHostEnvironment Environment(string name)
    {
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(name);
        environment.SetupGet(e => e.ContentRootPath).Returns(Path.GetTempPath());
        return environment.Object;
    }

    private static BotDatabase Database(string provider, string connectionString, string environmentName)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Bot"] = connectionString })
            .Build();
        return new BotDatabase(Options.Create(new DatabaseOptions { Provider = provider }), configuration, Environment(environmentName));
    }
}
