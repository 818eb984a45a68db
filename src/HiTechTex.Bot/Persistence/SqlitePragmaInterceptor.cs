using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode with <c>synchronous=NORMAL</c>: readers no longer block the
/// writer and a commit no longer waits for an fsync of the whole journal. The database stays consistent after a
/// crash; a power cut may lose the last few commits, which Teams' own retries and the next inbound activity restore
/// (state here is re-derivable, the exchange and booking records that are not will live on PostgreSQL in production).
/// </summary>
/// <remarks>
/// EF Core opens and closes its connection around every query, but Microsoft.Data.Sqlite pools the native handle
/// underneath; the pragmas are per physical connection, so they run once per native handle, not on every open.
/// </remarks>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    private static readonly object Applied = new();

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // True the first time a native handle is seen (a connection that is not SQLite's always gets the pragmas).
    private bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, Applied);
}
