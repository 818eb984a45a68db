namespace HiTechTex.Bot.Persistence;

/// <summary>
/// One SQL text of the hot path with its parameter names (in the order the caller sets their values). The same
/// SQL runs on SQLite and PostgreSQL (<c>ON CONFLICT</c>, quoted identifiers, <c>@name</c> parameters).
/// </summary>
internal sealed class SqlStatement(string sql, params string[] parameterNames)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<string> ParameterNames { get; } = parameterNames;
}
