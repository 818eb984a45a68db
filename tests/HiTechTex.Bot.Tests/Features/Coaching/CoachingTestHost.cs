using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Features.Conversation;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>
/// The conversation with the coaching feature over a migrated SQLite file of its own, a <see cref="FakeTimeProvider"/>
/// and one coordinator (<see cref="CoordinatorId"/>).
/// </summary>
internal sealed class CoachingTestHost : IDisposable
{
    public const string CoordinatorId = "11111111-1111-1111-1111-111111111111";

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase database;
    private readonly bool ownsDatabase;

    /// <param name="settings">Configuration on top of the coordinator role and bot domain.</param>
    /// <param name="configureServices">Last-word service overrides.</param>
    /// <param name="database">Another host's database, to play a restart (the first host keeps ownership).</param>
    public CoachingTestHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, SqliteTestDatabase? database = null)
    {
        ownsDatabase = database is null;
        this.database = database ?? new SqliteTestDatabase();
        var configuration = new Dictionary<string, string?> { ["Roles:Coordinators:0"] = CoordinatorId, ["Teams:BotDomain"] = "bot.example.org" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        Conversation = new ConversationTestHost(configuration: configuration, configureServices: services =>
        {
            services.AddDbContext<SqliteBotDbContext>(o => o.UseSqlite(this.database.ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance));
            services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());
            services.AddSingleton(new DatabaseWriteGate(isSqlite: true));
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton(Connector.Object);
            services.AddSingleton(Messenger.Object);
            services.AddSingleton(References.Object);
            services.AddLinkKeys();
            services.AddCoaching();
            configureServices?.Invoke(services);
        });
    }

    public FakeTimeProvider Time { get; } = new(Now);

    internal SqliteTestDatabase Database => database;

    public Mock<IConnectorClient> Connector { get; } = new();

    public Mock<IProactiveMessenger> Messenger { get; } = new();

    /// <summary>The stored 1:1 chats (none unless set up): where a person's current language is looked up.</summary>
    public Mock<IConversationReferenceStore> References { get; } = new();

    public ConversationTestHost Conversation { get; }

    public IServiceProvider Services => Conversation.Services;

    public static SessionDraft Draft(int capacity = 10, string title = "Circular economy", string topic = "Circular economy", string language = "EN", int inDays = 7)
    {
        var start = Now.AddDays(inDays);
        return new SessionDraft(title, "Closed loops", topic, "Inês", language, start, start.AddHours(2), "Europe/Lisbon", capacity,
            SessionMode.Online, null, Now.AddDays(-1), start.AddDays(-1), "organizer@example.org");
    }

    public async Task<CoachingSession> CreateSessionAsync(SessionDraft? draft = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().CreateAsync(draft ?? Draft(), CoordinatorId, CancellationToken.None);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<List<CoachingRegistration>> RegistrationsAsync(Guid sessionId) => WithScopeAsync(sp =>
        sp.GetRequiredService<BotDbContext>().Registrations().AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Sequence).ToListAsync());

    /// <summary>
    /// Seats <paramref name="count"/> people with e-mail at once (registered p1…pN, sequence 1…N, the session's next
    /// registration coming after them), with one attendee update queued — not one per registration.
    /// </summary>
    public Task<int> SeatConfirmedAsync(Guid sessionId, int count) => WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BotDbContext>();
        db.Registrations().AddRange(Enumerable.Range(1, count).Select(i => new CoachingRegistration
        {
            Id = Guid.NewGuid(), SessionId = sessionId, UserAadObjectId = "p" + i, UserName = "User p" + i, Email = $"p{i}@example.org",
            Status = RegistrationStatus.Confirmed, Sequence = i, RegisteredAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow(),
        }));
        (await db.Sessions().SingleAsync(s => s.Id == sessionId)).NextSequence = count;
        db.Enqueue(sessionId, OutboxKind.UpdateAttendees, Time.GetUtcNow());
        return await db.SaveChangesAsync();
    });

    public Task<List<CoachingOutboxMessage>> OutboxAsync() => WithScopeAsync(sp =>
        sp.GetRequiredService<BotDbContext>().Outbox().AsNoTracking().OrderBy(o => o.Id).ToListAsync());

    /// <summary>Sends one activity as the given user and returns every reply.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity, string? aadObjectId = null)
    {
        var adapter = Conversation.Adapter;
        adapter.User = new ChannelAccount { Id = "29:user-1", Name = "Ana", AadObjectId = aadObjectId ?? "00000000-0000-0000-0000-000000000001" };
        adapter.Replies.Clear();
        await adapter.ProcessActivityAsync(activity);
        return [.. adapter.Replies];
    }

    public Task<IReadOnlyList<Activity>> SubmitAsync(object data, string? aadObjectId = null) =>
        SendAsync(Conversation.Submit(data), aadObjectId);

    public Task<IReadOnlyList<Activity>> SayAsync(string text, string? aadObjectId = null) =>
        SendAsync(Conversation.Adapter.MakeMessage(text), aadObjectId);

    /// <summary>A valid new-session form as Save sends it (the 10 December 2026 session, two weeks after <see cref="Now"/>).</summary>
    public static JsonObject SessionForm() => new()
    {
        ["action"] = "coaching.save",
        ["sessionId"] = "",
        ["title"] = "Smart textiles lab",
        ["description"] = "Sensors and prototypes",
        ["topic"] = "Smart textiles",
        ["trainer"] = "Lucía",
        ["language"] = "ES",
        ["date"] = "2026-12-10",
        ["start"] = "14:00",
        ["end"] = "16:00",
        ["timeZone"] = "Europe/Madrid",
        ["capacity"] = "20",
        ["mode"] = "Online",
        ["location"] = "",
        ["closesOn"] = "2026-12-09",
        ["organizer"] = "coaching@hitechtex.example",
    };

    /// <summary>The JSON of the first card among the replies.</summary>
    public static JsonElement CardOf(IReadOnlyList<Activity> replies) =>
        replies.SelectMany(r => r.Attachments ?? []).First(a => a.ContentType == Attachment.AdaptiveCardContentType).Content!.Value;

    /// <summary>Every string value of the first card, one per line (unescaped, so texts compare as shown).</summary>
    public static string CardText(IReadOnlyList<Activity> replies)
    {
        var lines = new List<string>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.String:
                    lines.Add(element.GetString()!);
                    break;
            }
        }

        Walk(CardOf(replies));
        return string.Join("\n", lines);
    }

    public void Dispose()
    {
        Conversation.Dispose();
        if (ownsDatabase)
        {
            database.Dispose();
        }
    }
}
