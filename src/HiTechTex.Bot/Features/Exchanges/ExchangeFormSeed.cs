using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// What a typed request already says of the exchange, put into the new form: "quiero hacer un intercambio en Italia en
/// marzo" opens it with the host search on Italy and a start date in March — suggestions the applicant can change.
/// </summary>
internal static class ExchangeFormSeed
{
    /// <param name="countryNames">The country names of the user's language (ISO code → name), which the host search reads.</param>
    public static ExchangeFormState From(ExchangeFormState state, IntentEntities? entities, IReadOnlyDictionary<string, string> countryNames, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(countryNames);
        if (entities is null)
        {
            return state;
        }

        var host = state.HostQuery ?? (entities.Country is { } country && countryNames.TryGetValue(country, out var name) ? name : null);
        var start = state.StartDate;
        if (start is null)
        {
            var future = entities.Dates.Where(d => d > today).ToList();
            start = future.Count > 0 ? future[0] : entities.Month is { } month ? FirstMondayIn(month, today) : null;
        }

        return state with { HostQuery = host, StartDate = start };
    }

    /// <summary>
    /// The first Monday of the month from tomorrow on (a visit of a week or two starts on a Monday); null when the
    /// month has none left.
    /// </summary>
    private static DateOnly? FirstMondayIn(DateOnly month, DateOnly today)
    {
        var from = month > today ? month : today.AddDays(1);
        var monday = from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7);
        return monday.Month == month.Month && monday.Year == month.Year ? monday : null;
    }
}
