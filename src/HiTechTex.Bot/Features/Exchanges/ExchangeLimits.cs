namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Lengths of what people type, enforced by the cards, the server-side validation and the columns.</summary>
internal static class ExchangeLimits
{
    public const int LongText = 2000;

    public const int Comment = 500;

    public const int Query = 100;
}
