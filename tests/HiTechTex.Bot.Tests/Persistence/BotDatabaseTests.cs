using HiTechTex.Bot.Persistence;

namespace HiTechTex.Bot.Tests.Persistence;

public sealed class BotDatabaseTests
{
    [Fact]
    public void ResolveSqlitePath_RelativePath_IsUnderContentRootAndFolderIsCreated()
    {
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        try
        {
            var resolved = BotDatabase.ResolveSqlitePath("Data Source=data/bot.db", contentRoot);

            Assert.Contains(Path.Combine(contentRoot, "data", "bot.db"), resolved, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(contentRoot, "data")));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void ResolveSqlitePath_InMemory_IsLeftAlone(string connectionString)
    {
        Assert.Equal(connectionString, BotDatabase.ResolveSqlitePath(connectionString, "/nowhere"));
    }
}
