using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// Puts every SQLite connection in write-ahead-log mode with <c>synchronous=NORMAL</c>: readers no longer block the
/// writer and a commit no longer waits for an fsync of the whole journal. The database stays consistent after a
/// crash; a power cut may lose the last few commits, which Teams' own retries and the next inbound activity restore
/// (state here is re-derivable, the exchange and booking records that are not will live on PostgreSQL in production).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
