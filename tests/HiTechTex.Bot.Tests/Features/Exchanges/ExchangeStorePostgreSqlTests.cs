using HiTechTex.Bot.Tests.Persistence;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class ExchangeStorePostgreSqlTests(PostgreSqlDatabaseFixture database) : ExchangeStoreTests(database, isSqlite: false), IClassFixture<PostgreSqlDatabaseFixture>;
