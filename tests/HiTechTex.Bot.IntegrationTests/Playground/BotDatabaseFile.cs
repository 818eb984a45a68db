using Microsoft.Data.Sqlite;

namespace HiTechTex.Bot.IntegrationTests.Playground;

/// <summary>
/// Reads the running bot's SQLite file directly, read-only and without pooling, so the bot is never disturbed and the
/// file can be deleted afterwards. Deliberately SQL, not the product's DbContext: the test checks what is really on disk.
/// </summary>
public static class BotDatabaseFile
{
    /// <summary>The stored reference of <paramref name="conversationId"/>, or null when there is none (yet).</summary>
    public static StoredReferenceRow? FindConversationReference(string databasePath, string conversationId)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ConversationId, ServiceUrl, ChannelId, TenantId, UserAadObjectId, ConversationType, IsActive, ReferenceJson
            FROM ConversationReferences
            WHERE ConversationId = $conversationId
            """;
        command.Parameters.AddWithValue("$conversationId", conversationId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredReferenceRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.GetBoolean(6),
            reader.GetString(7));
    }
}
