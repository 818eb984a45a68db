using HiTechTex.Bot.Hosting.Pages;
using HiTechTex.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting;

/// <summary>Bot identity settings: bound from the configuration root (Bot Framework key names), validated at start-up.</summary>
internal static class BotOptionsExtensions
{
    public static WebApplicationBuilder AddBotOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        builder.Services.AddHostedService<AuthenticationModeWarning>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        return builder;
    }
}
