using System.Text.Json;
using HiTechTex.Bot.Cards;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using HiTechTex.Bot.Protocol.Turns;
using HiTechTex.Bot.Testing.Dialogs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// The conversation as the host registers it, over a shared <see cref="MemoryStorage"/> and a scripted recognizer;
/// every turn runs in its own scope like a request.
/// </summary>
internal sealed class ConversationTestHost : IDisposable
{
    public const string UserKey = "msteams/users/29:user-1";

    private readonly ServiceProvider provider;

    public ConversationTestHost(IStorage? storage = null, IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? configureServices = null)
    {
        Storage = storage ?? new MemoryStorage();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(Storage);
        services.AddSingleton<IIntentRecognizer>(Recognizer);
        services.AddCardTemplates();
        services.AddConversation();
        configureServices?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        Adapter = new TestAdapter(RunTurnAsync);
    }

    public IStorage Storage { get; }

    /// <summary>Answers what <see cref="Recognized"/> maps for a text, else None; records what it was asked.</summary>
    public ScriptedRecognizer Recognizer { get; } = new();

    public TestAdapter Adapter { get; }

    public IServiceProvider Services => provider;

    public TestFlow Flow() => new(Adapter);

    /// <summary>Stores a profile as if captured earlier.</summary>
    public async Task SeedProfileAsync(string language, string name = "Ana", string organisation = "CITEVE", string? organisationId = null)
    {
        var json = JsonSerializer.SerializeToElement(new { profile = new UserProfile(name, organisation, organisationId, language) }, BotState.DefaultJsonOptions);
        await Storage.WriteAsync(new Dictionary<string, StoreItem> { [UserKey] = new(json, "*") });
    }

    /// <summary>
    /// "my profile" with <paramref name="organisation"/> saved (name "Ana"), in <paramref name="language"/>, up to "Is
    /// your organisation still …?".
    /// </summary>
    public async Task<TestFlow> UpToTheKeptOrganisationQuestionAsync(string language, string organisation, string? organisationId = null)
    {
        await SeedProfileAsync(language, organisation: organisation, organisationId: organisationId);
        var texts = ConversationTexts.For(language);
        return Flow()
            .Send(texts.ProfileWord)
            .AssertReply(_ => { }, "the profile")
            .AssertReply(texts.ConfirmNameAgain("Ana"))
            .Send("yes")
            .AssertReply(texts.ConfirmOrganisationKept(organisation));
    }

    public async Task<UserProfile?> ReadProfileAsync()
    {
        var items = await Storage.ReadAsync([UserKey]);
        return items.TryGetValue(UserKey, out var item) && item.Value.TryGetProperty("profile", out var profile)
            ? profile.Deserialize<UserProfile>(BotState.DefaultJsonOptions)
            : null;
    }

    public Activity Submit(object data) => Adapter.MakeSubmit(JsonSerializer.SerializeToElement(data));

    public void Dispose() => provider.Dispose();

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IBot>().OnTurnAsync(turnContext, cancellationToken);
    }

    /// <summary>An <see cref="IIntentRecognizer"/> with fixed answers per text.</summary>
    internal sealed class ScriptedRecognizer : IIntentRecognizer
    {
        public Dictionary<string, RecognizedIntent> Recognized { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Texts { get; } = [];

        /// <summary>The locale each text was given with.</summary>
        public List<string?> Locales { get; } = [];

        public Task<RecognizedIntent> RecognizeAsync(string text, string? locale, TimeZoneInfo? timeZone, CancellationToken cancellationToken)
        {
            Texts.Add(text);
            Locales.Add(locale);
            return Task.FromResult(Recognized.GetValueOrDefault(text, RecognizedIntent.NoneIntent));
        }
    }
}
