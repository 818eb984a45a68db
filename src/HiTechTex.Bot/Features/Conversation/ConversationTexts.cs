namespace HiTechTex.Bot.Features.Conversation;

/// <summary>What the bot says in the basic conversation. The card version of the welcome comes later.</summary>
internal static class ConversationTexts
{
    public const string Welcome =
        "**Welcome to the Hi-Tech-TEX bot!**\n\n" +
        "I help the Hi-Tech-TEX textile-cluster partnership work together:\n\n" +
        "- **Find partners**: clusters, RTOs, facilities and services across the partner regions.\n" +
        "- **ClusterXchange**: apply for a short-term exchange with a partner organisation and follow its approval.\n" +
        "- **Coaching**: browse and book coaching and training sessions, with the Teams meeting in your calendar.\n\n" +
        "Send me a message to get started.";

    public const string EmptyMessage = "I did not catch any text. Send me a message and I will answer.";

    public const string CardReceived = "Thanks, I received your answer.";

    public static string Echo(string text) => $"You said: {text}";
}
