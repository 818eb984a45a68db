namespace HiTechTex.Bot.Language;

/// <summary>A month named without a day: the month meant (null when its year is past), the tokens it used, and the month as written.</summary>
/// <param name="Month">The first day of the month meant; null for a month-year already past ("May 2025").</param>
/// <param name="Span">The month's token and, when one follows, its year's.</param>
/// <param name="Named">The first day of the month as written, past or not.</param>
internal sealed record MonthMention(DateOnly? Month, PhraseMatch Span, DateOnly Named);
