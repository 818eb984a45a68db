using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// The resolved database settings: provider and connection string. Without <c>ConnectionStrings:Bot</c> the SQLite
/// file is <c>hitechtex-bot.db</c> in the per-user data folder (<see cref="DefaultSqlitePath"/>). A relative SQLite
/// path is taken relative to the content root (not the working directory, which differs between dotnet run, a
/// service and tests). The folder is created.
/// </summary>
/// <remarks>
/// The default is deliberately outside the content root (the build or publish output): the host watches the content
/// root for changes of appsettings*.json, and a database there made every write of every turn wake that watcher.
/// </remarks>
internal sealed class BotDatabase
{
    public BotDatabase(IOptions<DatabaseOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        Provider = options.Value.Provider;
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={DefaultSqlitePath(environment.ContentRootPath)}";
        }

        ConnectionString = IsSqlite ? ResolveSqlitePath(connectionString, environment.ContentRootPath) : connectionString;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => string.Equals(Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder)
    {
        // One method per provider: compiling this one then loads neither provider's assembly.
        if (IsSqlite)
        {
            UseSqlite(builder, ConnectionString);
        }
        else
        {
            UseNpgsql(builder, ConnectionString);
        }

        builder.ReplaceService<IMigrationsAssembly, NamespaceMigrationsAssembly>();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UseNpgsql(DbContextOptionsBuilder builder, string connectionString) => builder.UseNpgsql(connectionString);

    /// <summary>
    /// <c>HiTechTex.Bot/hitechtex-bot.db</c> under the per-user local data folder (<c>%LOCALAPPDATA%</c> on Windows,
    /// <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> elsewhere); <c>data/</c> under the content root when the account
    /// has no such folder or it cannot be created there (a service account whose home does not exist, such as
    /// <c>nobody</c>'s <c>/nonexistent</c>).
    /// </summary>
    /// <param name="userData">The per-user data folder; the account's own when <see langword="null"/>.</param>
    internal static string DefaultSqlitePath(string contentRoot, string? userData = null)
    {
        userData ??= Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var fallback = Path.Combine(contentRoot, "data");
        var folder = fallback;
        if (!string.IsNullOrEmpty(userData))
        {
            try
            {
                folder = Directory.CreateDirectory(Path.Combine(userData, "HiTechTex.Bot")).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                folder = fallback;
            }
        }

        return Path.Combine(folder, DatabaseOptions.DefaultSqliteFileName);
    }

    /// <summary>A postgres:// or postgresql:// URL, or a connection string with a <c>Host</c> or <c>Server</c> (no SQLite keyword).</summary>
    private static bool LooksLikePostgreSql(string connectionString)
    {
        var value = connectionString.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var keys = new DbConnectionStringBuilder { ConnectionString = value };
            return keys.ContainsKey("Host") || keys.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            return false;   // malformed: the SQLite parser below says so, naming the key
        }
    }

    internal static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        // Before anything is created on disk, and without repeating the value: it holds the PostgreSQL password.
        if (LooksLikePostgreSql(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} looks like a PostgreSQL connection (a postgres:// URL or a Host/Server setting), " +
                $"but Database:Provider is {DatabaseOptions.Sqlite} (the default), which would take it as a SQLite file path. Set " +
                $"Database:Provider={DatabaseOptions.PostgreSql} (its connection string as \"Host=…;Username=…;Password=…;Database=…\"), or set " +
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} to a SQLite file path.");
        }

        // "ConnectionStrings:Bot=/var/lib/bot/bot.db": a file path alone (no "key=value") is the data source.
        if (!connectionString.Contains('=', StringComparison.Ordinal))
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = connectionString.Trim() }.ToString();
        }

        SqliteConnectionStringBuilder csb;
        try
        {
            csb = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The string itself is not repeated: it may hold a password.
            throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is neither a SQLite file path nor a SQLite connection string (\"Data Source=…\"): {e.Message}", e);
        }

        var dataSource = csb.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        var path = Path.GetFullPath(Path.IsPathRooted(dataSource) ? dataSource : Path.Combine(contentRoot, dataSource));
        if (csb.Mode != SqliteOpenMode.ReadOnly && csb.Mode != SqliteOpenMode.ReadWrite)
        {
            var folder = Path.GetDirectoryName(path)!;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A path is not a secret (unlike the rest of a connection string), and it is what the operator must fix.
                throw new InvalidOperationException(
                    $"The SQLite database folder {folder} cannot be created ({e.Message}). Set ConnectionStrings:{DatabaseOptions.ConnectionStringName} " +
                    "to a file in a folder this account may write to (e.g. /var/lib/hitechtex-bot/hitechtex-bot.db), or use PostgreSQL " +
                    $"(Database:Provider={DatabaseOptions.PostgreSql}).", e);
            }
        }

        csb.DataSource = path;
        return csb.ToString();
    }
}
