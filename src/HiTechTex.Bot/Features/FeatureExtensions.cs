using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features;

/// <summary>The product features: the main conversation and, later, partners, exchanges and coaching.</summary>
internal static class FeatureExtensions
{
    public static WebApplicationBuilder AddBotFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddCoaching();
        return builder;
    }
}
