using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// What a typed request already says of the exchange, put into the new form: "quiero hacer un intercambio en Italia en
/// marzo" opens it with the host search on Italy and a start date in March — suggestions the applicant can change ("for a
/// week", "per due settimane" sets the end from that start). A
/// city of the partner regions is the host search ("vado a Prato"), another city its country's name ("Lisbon": Portugal);
/// a country outside the partnership ("France") is no search — the Spanish "Francés" organisations are no French host —
/// but a notice on the form that it is outside.
/// </summary>
internal static class ExchangeFormSeed
{
    /// <summary>The cities of the partner regions, where the directory's organisations are.</summary>
    private static readonly HashSet<string> PartnerCities =
        [.. PartnerGeography.Regions.SelectMany(r => r.Cities).Select(c => c.Name)];

    /// <param name="countryNames">The country names of the user's language (ISO code → name), which the host search reads.</param>
    /// <param name="eligibility">The working-day calendar: a start on a public holiday of the named host country moves too; null: weekends only.</param>
    public static ExchangeFormState From(
        ExchangeFormState state, IntentEntities? entities, IReadOnlyDictionary<string, string> countryNames, DateOnly today, ExchangeTexts texts,
        ExchangeEligibility? eligibility = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(countryNames);
        ArgumentNullException.ThrowIfNull(texts);
        if (entities is null)
        {
            return state;
        }

        var host = state.HostQuery;
        var notice = state.Notice;
        if (host is null && entities.Country is { } country)
        {
            var countryName = countryNames.GetValueOrDefault(country, country);
            if (!PartnerQuery.Covers(country))
            {
                notice = texts.HostCountryNotCovered(countryName);
            }
            else
            {
                host = entities.City is { } city && PartnerCities.Contains(city) ? city : countryNames.GetValueOrDefault(country);
            }
        }

        // The host country the request names (its city's country, else the country) decides the public holidays.
        var hostCountry = entities.Country is { } named && PartnerQuery.Covers(named) ? named : null;
        bool IsWorkingDay(DateOnly day) => eligibility?.IsWorkingDay(hostCountry, day) ?? !ExchangeEligibility.IsWeekend(day);
        DateOnly NextAfter(DateOnly day) => eligibility?.NextWorkingDay(hostCountry, day) ?? NextWorkingDay(day);

        var start = state.StartDate;
        var end = state.EndDate;
        var typedEnd = false;
        if (start is null)
        {
            // The days written, in their order: the first is the start, a second the end ("from 1 March to 5 March").
            // A day on no calendar ("30/02/2027", "31 de fevereiro") leaves its field empty and is named — never
            // replaced by another day, nor by the month's first Monday, nor by the next date written.
            var written = Written(entities, today);
            if (written.Count > 0)
            {
                (DateOnly? first, DateOnly? last) = (written[0].Date, written.Count > 1 ? written[1].Date : null);
                foreach (var (day, field) in written.Take(2).Zip([texts.StartDate, texts.EndDate]).Where(w => w.First.NoSuchDay is not null)
                    .Select(w => (w.First.NoSuchDay!, w.Second)))
                {
                    notice = Append(notice, texts.NoSuchDayInRequest(day, field));
                }

                if (first is { } from && last is { } to && to < from)
                {
                    // "from 5 March to 2 March": neither half is kept, and both days are named.
                    notice = Append(notice, texts.RequestEndBeforeStart(from, to));
                    (first, last) = (null, null);
                }

                start = first;
                typedEnd = written.Count > 1;
                end ??= last;
            }
            else if (entities.Month is { } month)
            {
                start = FirstMondayIn(month, today);
            }

            // "in a week" said on a Saturday, "in 8 days" on a Friday, "on 5 December": a Saturday or a Sunday, which
            // the form's check refuses as the first working day. The form starts on the Monday after, and says so.
            if (start is { DayOfWeek: DayOfWeek.Saturday or DayOfWeek.Sunday } weekend)
            {
                start = NextAfter(weekend);
                notice = Append(notice, texts.StartMovedFromWeekend(weekend, start.Value));
            }

            // Likewise a public holiday of the host country ("on 25 April" to Portugal): the notice names the holiday.
            else if (start is { } day && eligibility?.HolidayOn(hostCountry, day) is { } holiday)
            {
                start = NextAfter(day);
                notice = Append(notice, texts.StartMovedFromHoliday(holiday, start.Value));
            }
        }

        // "for a week", "por duas semanas", "na 5 dní": the end follows from a known start (a last day written wins).
        if (end is null && !typedEnd && start is { } begin && entities.StayMonths is { } months and > 0)
        {
            end = EndOfMonths(begin, months, IsWorkingDay);
        }
        else if (end is null && !typedEnd && start is { } from && entities.StayDays is { } days and > 0)
        {
            end = EndOfStay(from, days, IsWorkingDay);
        }

        return state with { HostQuery = host, StartDate = start, EndDate = end, Notice = notice };
    }

    /// <summary>
    /// The days the request wrote, in their order: its dates after today (a past one is no start) and the days on no
    /// calendar (<see cref="IntentEntities.NoSuchDates"/>) where they were written.
    /// </summary>
    private static List<(DateOnly? Date, NoSuchDate? NoSuchDay)> Written(IntentEntities entities, DateOnly today)
    {
        var written = new List<(DateOnly? Date, NoSuchDate? NoSuchDay)>();
        for (var i = 0; i <= entities.Dates.Count; i++)
        {
            written.AddRange(entities.NoSuchDates.Where(n => n.DatesBefore == i).Select(n => ((DateOnly?)null, (NoSuchDate?)n)));
            if (i < entities.Dates.Count && entities.Dates[i] > today)
            {
                written.Add((entities.Dates[i], null));
            }
        }

        return written;
    }

    private static string Append(string? notice, string more) => notice is null ? more : notice + " " + more;

    /// <summary>The first Monday to Friday after <paramref name="day"/>.</summary>
    internal static DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>
    /// The last day of a stay of <paramref name="days"/> calendar days from <paramref name="start"/>; one that falls on a
    /// Saturday or Sunday is the Friday before (a week from a Monday ends that Friday, two weeks the next Friday), never
    /// before the start.
    /// </summary>
    internal static DateOnly EndOfStay(DateOnly start, int days, Func<DateOnly, bool>? isWorkingDay = null)
    {
        isWorkingDay ??= day => !ExchangeEligibility.IsWeekend(day);
        var end = start.AddDays(days - 1);
        while (end > start && !isWorkingDay(end))
        {
            end = end.AddDays(-1);
        }

        return end;
    }

    /// <summary>
    /// The last day of a stay of <paramref name="months"/> months from <paramref name="start"/>: the last working day
    /// (Monday to Friday) within that many months — for one month, within the "at most one month" rule
    /// (<see cref="ExchangeEligibility.LastDayOfOneMonth"/>: from Monday 1 March, Wednesday 31 March; from Monday
    /// 15 March, Wednesday 14 April; a month ending on a weekend ends the Friday before), never before the start.
    /// </summary>
    internal static DateOnly EndOfMonths(DateOnly start, int months, Func<DateOnly, bool>? isWorkingDay = null)
    {
        isWorkingDay ??= day => !ExchangeEligibility.IsWeekend(day);
        var end = start;
        for (var i = 0; i < months && end < DateOnly.MaxValue; i++)
        {
            end = ExchangeEligibility.LastDayOfOneMonth(i == 0 ? start : end.AddDays(1));
        }

        while (end > start && !isWorkingDay(end))
        {
            end = end.AddDays(-1);
        }

        return end;
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
