namespace HiTechTex.Bot.Persistence;

/// <summary>The <c>Database</c> section; the connection string is <c>ConnectionStrings:Bot</c>.</summary>
internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string ConnectionStringName = "Bot";
    public const string DefaultSqliteFileName = "hitechtex-bot.db";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public string Provider { get; set; } = Sqlite;
}
