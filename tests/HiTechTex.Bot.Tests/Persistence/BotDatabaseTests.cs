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

    [Fact]
    public void DefaultSqlitePath_Always_IsOutsideTheContentRoot()
    {
        var contentRoot = Path.Combine(Path.GetTempPath(), "hitechtex-content-root");

        var path = BotDatabase.DefaultSqlitePath(contentRoot);

        Assert.Equal("hitechtex-bot.db", Path.GetFileName(path));
        Assert.True(Path.IsPathRooted(path));
        var userData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (!string.IsNullOrEmpty(userData))
        {
            Assert.Equal(Path.Combine(userData, "HiTechTex.Bot", "hitechtex-bot.db"), path);
            Assert.False(path.StartsWith(contentRoot, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void DefaultSqlitePath_UserFolderCannotBeCreated_IsDataUnderTheContentRoot()
    {
        // A service account whose home does not exist (nobody's /nonexistent): the bot used to stop at start-up with
        // "Access to the path '/nonexistent' is denied". A folder under a plain file cannot be created, even by root.
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        var file = Path.Combine(contentRoot, "not-a-folder");
        File.WriteAllText(file, "x");
        try
        {
            var path = BotDatabase.DefaultSqlitePath(contentRoot, userData: Path.Combine(file, "home", ".local", "share"));

            Assert.Equal(Path.Combine(contentRoot, "data", "hitechtex-bot.db"), path);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void DefaultSqlitePath_UserFolder_IsCreatedThere()
    {
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        var userData = Path.Combine(contentRoot, "xdg");
        try
        {
            var path = BotDatabase.DefaultSqlitePath(Path.Combine(contentRoot, "app"), userData);

            Assert.Equal(Path.Combine(userData, "HiTechTex.Bot", "hitechtex-bot.db"), path);
            Assert.True(Directory.Exists(Path.Combine(userData, "HiTechTex.Bot")));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void ResolveSqlitePath_FolderCannotBeCreated_NamesTheFolderAndTheSettingButNotTheRest()
    {
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        var file = Path.Combine(contentRoot, "not-a-folder");
        File.WriteAllText(file, "x");
        try
        {
            var folder = Path.Combine(file, "db");

            var error = Assert.Throws<InvalidOperationException>(
                () => BotDatabase.ResolveSqlitePath($"Data Source={Path.Combine(folder, "bot.db")};Password=s3cret-value", contentRoot));

            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Bot", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
            Assert.Equal("x", File.ReadAllText(file));
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

    [Theory]
    [InlineData("bot.db")]
    [InlineData("data/bot.db")]
    public void ResolveSqlitePath_AFilePathAlone_IsTheDataSource(string relative)
    {
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        try
        {
            var absolute = Path.Combine(contentRoot, "abs", relative);

            var fromAbsolute = BotDatabase.ResolveSqlitePath(absolute, contentRoot);
            var fromRelative = BotDatabase.ResolveSqlitePath(relative, contentRoot);

            Assert.Equal(absolute, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(fromAbsolute).DataSource);
            Assert.Equal(Path.Combine(contentRoot, relative), new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(fromRelative).DataSource);
            Assert.True(Directory.Exists(Path.GetDirectoryName(absolute)));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("Host=db.example.org;Username=bot;Password=s3cret-pg;Database=bot")]
    [InlineData("Server=db.example.org;Port=5432;User Id=bot;Password=s3cret-pg")]
    [InlineData("postgres://bot:s3cret-pg@db.example.org/bot")]
    [InlineData(" PostgreSQL://bot:s3cret-pg@db.example.org:5432/bot?sslmode=require")]
    public void ResolveSqlitePath_APostgreSqlConnection_StopsNamingBothKeysNotTheValue_CreatesNothing(string connectionString)
    {
        var contentRoot = Directory.CreateTempSubdirectory("hitechtex-root-").FullName;
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => BotDatabase.ResolveSqlitePath(connectionString, contentRoot));

            Assert.Contains("Database:Provider", e.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Bot", e.Message, StringComparison.Ordinal);
            Assert.Contains("looks like a PostgreSQL connection", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-pg", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("db.example.org", e.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(contentRoot));
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void ResolveSqlitePath_Malformed_NamesTheKeyNotTheString()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BotDatabase.ResolveSqlitePath("Data Source=x.db;Password=s3cret;Bogus Key=1", "/nowhere"));

        Assert.Contains("ConnectionStrings:Bot", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", e.Message, StringComparison.Ordinal);
    }
}
