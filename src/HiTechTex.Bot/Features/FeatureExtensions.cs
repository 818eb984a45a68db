using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Features;

/// <summary>The product features: the main conversation and, later, partners, exchanges and coaching.</summary>
internal static class FeatureExtensions
{
    public static WebApplicationBuilder AddBotFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddPartners();
        return builder;
    }
}
