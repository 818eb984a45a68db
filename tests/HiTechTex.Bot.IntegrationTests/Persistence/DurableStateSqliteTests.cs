namespace HiTechTex.Bot.IntegrationTests.Persistence;

public sealed class DurableStateSqliteTests(SqliteHostDatabase database) : DurableStateTests(database), IClassFixture<SqliteHostDatabase>;
