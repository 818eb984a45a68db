namespace HiTechTex.Bot.Tests.Persistence;

public sealed class SqlProcessedActivityStoreSqliteTests(SqliteDatabaseFixture database)
    : SqlProcessedActivityStoreTests(database), IClassFixture<SqliteDatabaseFixture>;
