using System.Data.Common;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// An open connection lent by <see cref="SqlSessionPool"/> for one storage call; dispose it to give it back. On
/// SQLite the commands are kept with the connection, so each statement is compiled once per physical connection
/// and only rebound afterwards; on PostgreSQL the connection comes from Npgsql's pool and commands are per call.
/// </summary>
internal sealed class SqlSession : IAsyncDisposable
{
    private readonly SqlSessionPool? pool;
    private readonly bool cacheCommands;
    private readonly Dictionary<SqlStatement, DbCommand> commands = new(ReferenceEqualityComparer.Instance);

    public SqlSession(DbConnection connection, SqlSessionPool? pool, bool cacheCommands)
    {
        Connection = connection;
        this.pool = pool;
        this.cacheCommands = cacheCommands;
    }

    public DbConnection Connection { get; }

    /// <summary>False after a failure left the connection in an unknown state: it is closed instead of pooled.</summary>
    public bool Reusable { get; set; } = true;

    /// <summary>
    /// The command of <paramref name="statement"/> on this connection, enlisted in <paramref name="transaction"/>
    /// (or none); the caller sets the parameter values by position.
    /// </summary>
    public DbCommand Command(SqlStatement statement, DbTransaction? transaction = null)
    {
        if (!commands.TryGetValue(statement, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var name in statement.ParameterNames)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            commands[statement] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        // A SQLite session always goes back through the pool (which counts it), pooled or closed.
        if (pool is not null && cacheCommands && pool.TryReturn(this, Reusable))
        {
            return;
        }

        await CloseAsync().ConfigureAwait(false);
    }

    internal async ValueTask CloseAsync()
    {
        foreach (var command in commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        commands.Clear();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
