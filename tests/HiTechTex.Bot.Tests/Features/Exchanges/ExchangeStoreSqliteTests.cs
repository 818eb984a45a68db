using HiTechTex.Bot.Tests.Persistence;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class ExchangeStoreSqliteTests(SqliteDatabaseFixture database) : ExchangeStoreTests(database, isSqlite: true), IClassFixture<SqliteDatabaseFixture>;
