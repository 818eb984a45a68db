using HiTechTex.Bot.Tests.Persistence;

namespace HiTechTex.Bot.Tests.Features.Partners;

/// <summary>A database of its own per test class: the seeding tests remove demo rows.</summary>
public sealed class EfPartnerDirectorySqliteTests(SqliteDatabaseFixture database) : EfPartnerDirectoryTests(database), IClassFixture<SqliteDatabaseFixture>;
