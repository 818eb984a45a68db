using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features;

/// <summary>The product features: the bot and, later, partners, exchanges and coaching.</summary>
internal static class FeatureExtensions
{
    public static WebApplicationBuilder AddBotFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IBot, HiTechTexBot>();
        return builder;
    }
}
