using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Features;

/// <summary>The product features: the main conversation, partners, exchanges and coaching.</summary>
internal static class FeatureExtensions
{
    public static WebApplicationBuilder AddBotFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddSingleton<DialogStatePurgeService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DialogStatePurgeService>());
        builder.Services.AddPartners();
        builder.Services.AddExchanges();
        builder.Services.AddCoaching();
        return builder;
    }
}
