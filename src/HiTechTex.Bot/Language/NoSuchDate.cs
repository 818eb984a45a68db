namespace HiTechTex.Bot.Language;

/// <summary>
/// A date written that is on no calendar — "30/02/2027", "31 de fevereiro", "31. dubna", "29 Şubat 2027": its day, its
/// month and the year written (or, for 29 February without one, the year it would fall in; else null). It is never read
/// as another day (1 March, or the month's first Monday).
/// </summary>
/// <param name="Day">The day written (1–31).</param>
/// <param name="Month">The month written (1–12).</param>
/// <param name="Year">The year written, or the year 29 February would fall in; null when no year makes the day exist.</param>
/// <param name="DatesBefore">How many of the message's real dates (<see cref="IntentEntities.Dates"/>) are written before it.</param>
public sealed record NoSuchDate(int Day, int Month, int? Year, int DatesBefore = 0);
