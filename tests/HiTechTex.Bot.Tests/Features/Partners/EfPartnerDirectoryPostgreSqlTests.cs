using HiTechTex.Bot.Tests.Persistence;

namespace HiTechTex.Bot.Tests.Features.Partners;

public sealed class EfPartnerDirectoryPostgreSqlTests(PostgreSqlDatabaseFixture database) : EfPartnerDirectoryTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
