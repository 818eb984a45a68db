namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>One line of the progress card: a partner, a country pair or an activity type.</summary>
internal sealed record ExchangeProgressRow(string Name, int Completed, int Approved, int Pending);
