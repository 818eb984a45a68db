namespace HiTechTex.Bot.Tests.Persistence;

public sealed class EfStorageSqliteTests(SqliteDatabaseFixture database) : EfStorageTests(database), IClassFixture<SqliteDatabaseFixture>;
