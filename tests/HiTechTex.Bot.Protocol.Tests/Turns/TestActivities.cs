using System.Text.Json;
using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Tests.Turns;

/// <summary>Inbound activities shaped like the ones Teams sends.</summary>
internal static class TestActivities
{
    public const string BotId = "28:bot-app-id";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    public static Activity Message(string? text = "hello", string conversationId = "a:conv-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-1",
        Text = text,
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:user-1", Name = "Alex", AadObjectId = "aad-user-1" },
        Recipient = new ChannelAccount { Id = BotId, Name = "HiTechTex" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
    };

    public static Activity Of(string type, Action<Activity>? configure = null)
    {
        var activity = Message(text: null);
        activity.Type = type;
        configure?.Invoke(activity);
        return activity;
    }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Outbound.Activity);
}
