using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>The bot's database on PostgreSQL; its migrations are in <c>Persistence/Migrations/PostgreSql</c>.</summary>
internal sealed class PostgreSqlBotDbContext(DbContextOptions<PostgreSqlBotDbContext> options) : BotDbContext(options);
