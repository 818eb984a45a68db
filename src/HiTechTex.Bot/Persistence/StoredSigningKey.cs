using System.Security.Cryptography;
using HiTechTex.Bot.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HiTechTex.Bot.Persistence;

/// <summary>
/// The key the bot signs its links with when no secret is configured (<see cref="LinkKeys"/>), kept in its own
/// database (table <c>SigningKeys</c>) so that every instance on that database and every restart use the same one:
/// 32 bytes from the system's CSPRNG, made once and inserted with <c>ON CONFLICT DO NOTHING</c> — instances starting
/// together on an empty database each offer one, the first insert wins and every instance reads the stored row back.
/// Loaded at start-up, after the migrations (a hosted service registered after <see cref="DatabaseMigrator"/>); on
/// first use when the host is not started (command-line verbs). Never logged.
/// </summary>
internal sealed class StoredSigningKey(IServiceScopeFactory scopeFactory, ILogger<StoredSigningKey> logger) : IHostedService
{
    /// <summary>The row of the links' key.</summary>
    public const string LinksKeyName = "links-v1";

    /// <summary>The size of a stored key, in bytes.</summary>
    public const int KeyBytes = 32;

    private readonly Lock gate = new();
    private byte[]? key;

    /// <summary>The stored key (made and stored first if the database has none).</summary>
    public byte[] Key => Volatile.Read(ref key) ?? Load();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Key;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private byte[] Load()
    {
        lock (gate)
        {
            if (key is { } loaded)
            {
                return loaded;
            }

            using var scope = scopeFactory.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var offered = RandomNumberGenerator.GetBytes(KeyBytes);

            // Same statement on SQLite (3.24+) and PostgreSQL; the key is a parameter, never in the SQL text or a log.
            var inserted = db.Database.ExecuteSql(
                $"""INSERT INTO "SigningKeys" ("Name", "Key") VALUES ({LinksKeyName}, {offered}) ON CONFLICT ("Name") DO NOTHING""");
            var stored = db.Set<SigningKeyEntity>().AsNoTracking().Where(k => k.Name == LinksKeyName).Select(k => k.Key).Single();
            if (stored.Length < KeyBytes)
            {
                throw new InvalidOperationException($"The signing key \"{LinksKeyName}\" in the table SigningKeys is shorter than {KeyBytes} bytes; delete the row to have a new one made (links made before stop working).");
            }

            if (inserted > 0)
            {
                Log.SigningKeyCreated(logger, LinksKeyName);
            }

            Volatile.Write(ref key, stored);
            return stored;
        }
    }
}
