using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Protocol.Connector;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Tests.Features.Conversation;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// The conversation with the exchange feature over a migrated SQLite file of its own, a <see cref="FakeTimeProvider"/>
/// at <see cref="Now"/> and one manager of the CITEVE cluster (<see cref="VisitingManagerId"/>); the applicant is the
/// test adapter's user, whose profile names CITEVE.
/// </summary>
internal sealed class ExchangeDialogTestHost : IDisposable
{
    public const string ApplicantId = "00000000-0000-0000-0000-000000000001";

    public const string VisitingManagerId = "22222222-2222-2222-2222-222222222222";

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A draft of the applicant (CITEVE visiting CLUTEX, 1–5 March 2027) with the given answers, not yet stored.</summary>
    public static ExchangeApplication Application(string objectives = "o", string agenda = "a", string outcomes = "x") => new()
    {
        Id = Guid.NewGuid(), VisitingOrganisationId = HiTechTexPartners.CiteveId, HostOrganisationId = HiTechTexPartners.ClutexId,
        ApplicantAadObjectId = ApplicantId, ApplicantUserId = "29:user-1", ApplicantName = "Ana", TenantId = "tenant",
        ApplicantLanguage = "en", ApplicantConversationId = "a:conversation-1", StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 5),
        ActivityType = ExchangeActivityType.Networking, Objectives = objectives, Agenda = agenda, ExpectedOutcomes = outcomes,
    };

    private readonly SqliteTestDatabase database = new();

    /// <param name="extraConfiguration">Settings added to (or replacing) the defaults, e.g. a country's public holidays.</param>
    /// <param name="storage">The bot state's storage (e.g. one that serves a stale read, as another instance would).</param>
    public ExchangeDialogTestHost(IReadOnlyDictionary<string, string?>? extraConfiguration = null, IStorage? storage = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            [$"Roles:ClusterManagers:{VisitingManagerId}:0"] = HiTechTexPartners.CiteveId,
            ["Exchanges:CosmeCountries:0"] = "PT",
            ["Exchanges:CosmeCountries:1"] = "ES",
            ["Exchanges:CosmeCountries:2"] = "IT",
            ["Exchanges:CosmeCountries:3"] = "TR",
            ["Exchanges:CosmeCountries:4"] = "CZ",
            ["Exchanges:LumpSumByHostCountry:CZ"] = "780",
            ["Exchanges:TimeZone"] = "Europe/Lisbon",
            ["Teams:BotDomain"] = "bot.example.org",
        };
        foreach (var (key, value) in extraConfiguration ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        Messenger.Setup(m => m.SendToUserAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:manager", "activity-1"));
        Messenger.Setup(m => m.SendToConversationAsync(It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent, "a:conversation-1", "activity-2"));
        Messenger.Setup(m => m.UpdateInConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProactiveSendResult(ProactiveSendStatus.Sent));
        Conversation = new ConversationTestHost(storage, configuration, configureServices: services =>
        {
            services.AddDbContext<SqliteBotDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(SqlitePragmaInterceptor.Instance));
            services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());
            services.AddSingleton(new DatabaseWriteGate(isSqlite: true));
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton(new Mock<IConnectorClient>().Object);
            services.AddSingleton(Messenger.Object);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services.AddSingleton(References.Object);
            services.AddLinkKeys();
            services.AddExchanges();
        });
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public Mock<IProactiveMessenger> Messenger { get; } = new();

    /// <summary>The stored 1:1 chats (none unless a test sets one up: who the bot knows a name for).</summary>
    public Mock<IConversationReferenceStore> References { get; } = new();

    /// <summary>What the bot logged (Information and above).</summary>
    public ExchangeLogCapture Logs { get; } = new();

    public ConversationTestHost Conversation { get; }

    public async Task<IReadOnlyList<ExchangeApplication>> ApplicationsAsync()
    {
        await using var scope = Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().ListForApplicantAsync(ApplicantId, CancellationToken.None);
    }

    /// <summary>Changes a setting while the bot runs (as an edited appsettings.json would): options monitors see it.</summary>
    public void Reconfigure(string key, string? value)
    {
        var configuration = (IConfigurationRoot)Conversation.Services.GetRequiredService<IConfiguration>();
        configuration[key] = value;
        configuration.Reload();
    }

    public async Task<IReadOnlyList<ExchangeAuditEntry>> AuditAsync(Guid id)
    {
        await using var scope = Conversation.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeStore>().AuditAsync(id, CancellationToken.None);
    }

    public void Dispose()
    {
        Conversation.Dispose();
        database.Dispose();
    }
}
