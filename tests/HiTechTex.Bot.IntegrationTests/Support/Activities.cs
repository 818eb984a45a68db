using System.Text;
using System.Text.Json.Nodes;

namespace HiTechTex.Bot.IntegrationTests.Support;

/// <summary>Inbound activities as the Agents Playground / Teams send them, as JSON.</summary>
internal static class Activities
{
    public const string BotId = "28:bot-app-id";
    public const string TenantId = "00000000-0000-0000-0000-000000000001";

    public static string NewConversationId() => $"a:{Guid.NewGuid():N}";

    public static JsonObject Message(string conversationId, string text) => Base("message", conversationId, o => o["text"] = text);

    public static JsonObject BotAdded(string conversationId) => Base("conversationUpdate", conversationId, o =>
        o["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:user-1" }, new JsonObject { ["id"] = BotId }));

    public static JsonObject Installation(string conversationId, string action) => Base("installationUpdate", conversationId, o => o["action"] = action);

    public static JsonObject Base(string type, string conversationId, Action<JsonObject>? configure = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"act-{Guid.NewGuid():N}",
            ["channelId"] = "msteams",
            ["serviceUrl"] = "http://127.0.0.1:56150/_connector",
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Alex Wilber", ["aadObjectId"] = "aad-user-1" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "HiTechTex" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-US",
        };
        configure?.Invoke(activity);
        return activity;
    }

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonObject activity) =>
        client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
}
