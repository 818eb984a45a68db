using Microsoft.Data.Sqlite;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// Reads the bot's SQLite file directly, as an operator would: the rows of the conversation-reference table, each
/// as column name → text. Read-only, so the running bot is never disturbed.
/// </summary>
public static class StoredConversationRows
{
    /// <summary>The rows of every table whose name contains <c>ConversationReference</c>; empty while the file or table is missing.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string?>> Read(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return [];
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();

        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%ConversationReference%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }

                rows.Add(row);
            }
        }

        return rows;
    }
}
