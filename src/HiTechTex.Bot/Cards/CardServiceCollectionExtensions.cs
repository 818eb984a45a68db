using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTechTex.Bot.Cards;

/// <summary>Registration of the card templates.</summary>
public static class CardServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ICardTemplateStore"/> (the <c>cards/</c> folder next to the binary) and <see cref="ICardRenderer"/>.</summary>
    public static IServiceCollection AddCardTemplates(this IServiceCollection services)
    {
        services.TryAddSingleton<ICardTemplateStore>(_ => new CardTemplateStore());
        services.TryAddSingleton<ICardRenderer, CardRenderer>();
        return services;
    }
}
