using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// The resolved database settings: provider and connection string. A relative SQLite path is taken relative to the
/// content root (not the working directory, which differs between dotnet run, a service and tests), and its folder
/// is created.
/// </summary>
internal sealed class BotDatabase
{
    public BotDatabase(IOptions<DatabaseOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        Provider = options.Value.Provider;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DatabaseOptions.DefaultSqliteConnectionString;
        }

        ConnectionString = IsSqlite ? ResolveSqlitePath(connectionString, environment.ContentRootPath) : connectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => string.Equals(Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (IsSqlite)
        {
            builder.UseSqlite(ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);
        }
        else
        {
            builder.UseNpgsql(ConnectionString);
        }
    }

    internal static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = csb.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        var path = Path.GetFullPath(Path.IsPathRooted(dataSource) ? dataSource : Path.Combine(contentRoot, dataSource));
        if (csb.Mode != SqliteOpenMode.ReadOnly && csb.Mode != SqliteOpenMode.ReadWrite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        csb.DataSource = path;
        return csb.ToString();
    }
}
