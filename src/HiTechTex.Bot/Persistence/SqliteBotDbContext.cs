using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>The bot's database on SQLite; its migrations are in <c>Persistence/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteBotDbContext(DbContextOptions<SqliteBotDbContext> options) : BotDbContext(options);
