using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.IntegrationTests.Support;
using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.State;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.IntegrationTests.Partners;

/// <summary>The real host (fake connector) with the partner directory seeded without the demo set, and the activities the partner tests send.</summary>
internal static class PartnerHost
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static BotHostFactory Create(string databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var factory = new BotHostFactory(databasePath) { ConfigureServices = configureServices };
        factory.Settings["Partners:SeedDemoData"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>Waits (on the condition, not on time) until the start-up seeding and indexing are done.</summary>
    public static async Task WaitReadyAsync(BotHostFactory factory)
    {
        var ready = await factory.Services.GetRequiredService<PartnerDirectoryReadiness>().WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(ready, "the partner directory did not get ready");
    }

    public static async Task<Organisation> AddOrganisationAsync(BotHostFactory factory, string name, string? contactAadObjectId, string? clusterId = HiTechTexPartners.ClutexId)
    {
        var id = "it-" + Guid.NewGuid().ToString("N")[..10];
        var organisation = new Organisation(id, name, OrganisationKind.FacilityProvider, "CZ", "Severovýchod", "Liberec", new GeoPoint(50.77, 15.06),
            $"https://{id}.example", "Zkušební laboratoř geotextilií a netkaných textilií.", "cs",
            [TextileTaxonomy.Geotextiles, TextileTaxonomy.Nonwovens], [ValueChainStage.Fabric], [PartnerService.TestingLab], ["en", "cs"],
            clusterId, [new PartnerContact("Jana Nováková", $"jana@{id}.example", contactAadObjectId)], true, new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), IsDemo: false);
        await factory.Services.GetRequiredService<IPartnerDirectory>().UpsertAsync(organisation);
        return organisation;
    }

    /// <summary>
    /// Ana (29:user-1, a profile in <paramref name="language"/>) types <paramref name="typed"/> in a new chat once the
    /// directory is ready: what the bot sent there.
    /// </summary>
    public static async Task<IReadOnlyList<Activity>> TypeInANewChatAsync(BotHostFactory factory, string language, string typed)
    {
        var client = factory.CreateClient();
        await WaitReadyAsync(factory);
        await SeedProfileAsync(factory, "29:user-1", "Ana Silva", "Têxteis do Ave", language: language);
        var chat = Activities.NewConversationId();
        await MessageAsync(client, chat, User("29:user-1", "aad-user-1", "Ana Silva"), typed);
        return factory.Connector.SentTo(chat);
    }

    public static JsonObject User(string id, string aadObjectId, string name) => new() { ["id"] = id, ["aadObjectId"] = aadObjectId, ["name"] = name };

    /// <summary>Stores a profile for the user, as if captured earlier (the journey needs none, but the main dialog asks for one first).</summary>
    public static async Task SeedProfileAsync(BotHostFactory factory, string userId, string name, string organisation, string language = "en")
    {
        var json = JsonSerializer.SerializeToElement(new { profile = new UserProfile(name, organisation, null, language) }, BotState.DefaultJsonOptions);
        await factory.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, StoreItem> { [$"msteams/users/{userId}"] = new(json, "*") });
    }

    /// <summary>The user installs the bot in a personal chat: the bot stores the reference proactive messages use.</summary>
    public static async Task InstallAsync(HttpClient client, string conversationId, JsonObject user, string? locale = null)
    {
        var activity = Activities.Installation(conversationId, "add");
        activity["from"] = user.DeepClone();
        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }

    public static async Task MessageAsync(HttpClient client, string conversationId, JsonObject user, string text)
    {
        var activity = Activities.Message(conversationId, text);
        activity["from"] = user.DeepClone();
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An Action.Submit: a message whose value is the card data.</summary>
    /// <param name="replyToId">The id of the card message the submit came from (Teams sends it as <c>replyToId</c>).</param>
    public static async Task SubmitAsync(HttpClient client, string conversationId, JsonObject user, JsonObject data, string? replyToId = null)
    {
        var activity = Activities.Base("message", conversationId, a =>
        {
            a["from"] = user.DeepClone();
            a["value"] = data;
            if (replyToId is not null)
            {
                a["replyToId"] = replyToId;
            }
        });
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An Action.Execute (adaptiveCard/action invoke); returns the invoke response body.</summary>
    public static async Task<JsonElement> ExecuteAsync(HttpClient client, string conversationId, JsonObject user, string verb, JsonObject data)
    {
        var activity = Activities.Base("invoke", conversationId, a =>
        {
            a["from"] = user.DeepClone();
            a["name"] = "adaptiveCard/action";
            a["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        });
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A message extension search (composeExtension/query) in a new conversation; returns the invoke response body.</summary>
    public static async Task<JsonElement> QueryAsync(HttpClient client, JsonArray parameters, int skip, int count)
    {
        var activity = Activities.Base("invoke", Activities.NewConversationId(), a =>
        {
            a["name"] = "composeExtension/query";
            a["value"] = new JsonObject
            {
                ["commandId"] = PartnerSearchComposeExtension.Command,
                ["parameters"] = parameters,
                ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
            };
        });
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The JSON of the activity's cards (empty when it has none).</summary>
    public static string CardJson(Activity activity) =>
        string.Join('\n', (activity.Attachments ?? []).Where(a => a.Content is not null).Select(a => Text(a.Content!.Value)));

    /// <summary>JSON without escapes of non-ASCII letters and of &lt; &gt; &amp;, so assertions can look for the text as typed.</summary>
    public static string Text(JsonElement element) => JsonSerializer.Serialize(element, Readable);

    /// <summary>A string value anywhere in a card's data, e.g. the introduction id.</summary>
    public static string? FindValue(JsonElement element, string property)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.NameEquals(property) && p.Value.ValueKind == JsonValueKind.String)
                    {
                        return p.Value.GetString();
                    }

                    if (FindValue(p.Value, property) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(e => FindValue(e, property)).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }
}
