namespace HiTechTex.Bot.Tests.Persistence;

public sealed class EfProcessedActivityStoreSqliteTests(SqliteDatabaseFixture database)
    : EfProcessedActivityStoreTests(database), IClassFixture<SqliteDatabaseFixture>;
