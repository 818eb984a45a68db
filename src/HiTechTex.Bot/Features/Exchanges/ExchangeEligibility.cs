using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The ClusterXchange rules (domain.md), each failure with its own reason: COSME countries, different countries,
/// 3 working days to one month, one visit per organisation, dates in the future. Pure: the caller gives "today" and
/// whether the visiting organisation already has an application that counts.
/// </summary>
internal sealed class ExchangeEligibility(IOptionsMonitor<ExchangeOptions> options)
{
    public EligibilityResult Check(Organisation? visiting, Organisation? host, DateOnly? start, DateOnly? end, DateOnly today, bool visitingAlreadyApplied)
    {
        var rules = options.CurrentValue;
        var problems = new List<EligibilityProblem>();
        if (visiting is null)
        {
            problems.Add(EligibilityProblem.VisitingOrganisationMissing);
        }
        else if (!IsCosme(rules, visiting.Country))
        {
            problems.Add(EligibilityProblem.VisitingNotCosme);
        }

        if (host is null)
        {
            problems.Add(EligibilityProblem.HostOrganisationMissing);
        }
        else if (!IsCosme(rules, host.Country))
        {
            problems.Add(EligibilityProblem.HostNotCosme);
        }

        if (visiting is not null && host is not null && string.Equals(visiting.Country, host.Country, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(EligibilityProblem.SameCountry);
        }

        if (visitingAlreadyApplied)
        {
            problems.Add(EligibilityProblem.AlreadyVisited);
        }

        int? workingDays = null;
        var holidays = new EligibilityHolidays(null, null);
        if (start is not { } from || end is not { } to)
        {
            problems.Add(EligibilityProblem.DatesMissing);
        }
        else if (to < from)
        {
            problems.Add(EligibilityProblem.EndBeforeStart);
        }
        else
        {
            if (from <= today)
            {
                problems.Add(EligibilityProblem.NotInFuture);
            }
            else if (IsTooFarAhead(from, today))
            {
                problems.Add(EligibilityProblem.StartTooFarAhead);
            }

            // The form and the questions ask for the first and the last WORKING day (domain.md: working days, travel
            // excluded): a Saturday or a Sunday is none, and the reason names which of the two it is.
            if (IsWeekend(from))
            {
                problems.Add(EligibilityProblem.StartOnWeekend);
            }

            if (IsWeekend(to))
            {
                problems.Add(EligibilityProblem.EndOnWeekend);
            }

            // Nor is a public holiday of the host country (PublicHolidayCalendar): the reason names it.
            if (!IsWeekend(from) && HolidayOn(rules, host?.Country, from) is { } startHoliday)
            {
                problems.Add(EligibilityProblem.StartOnHoliday);
                holidays = holidays with { Start = startHoliday };
            }

            if (!IsWeekend(to) && HolidayOn(rules, host?.Country, to) is { } endHoliday)
            {
                problems.Add(EligibilityProblem.EndOnHoliday);
                holidays = holidays with { End = endHoliday };
            }

            workingDays = WorkingDays.Count(from, to, Holidays(rules, host?.Country, from, to));
            if (workingDays < rules.MinimumWorkingDays)
            {
                problems.Add(EligibilityProblem.TooFewWorkingDays);
            }

            if (to > LastDayOfOneMonth(from))
            {
                problems.Add(EligibilityProblem.LongerThanOneMonth);
            }
        }

        double? distance = visiting is not null && host is not null ? GeoDistance.Kilometres(visiting.Location, host.Location) : null;
        return new EligibilityResult(problems, workingDays, distance) { Holidays = holidays };
    }

    /// <summary>A Saturday or a Sunday: no first or last working day.</summary>
    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// How far ahead an exchange may start. domain.md gives the partnership's length (24 months) but no end date, and
    /// none is configured: two years from today refuses a mistyped year (2099) without cutting off a real plan.
    /// </summary>
    public const int MaximumYearsAhead = 2;

    /// <summary>True when an exchange starting on <paramref name="start"/> is further ahead than <see cref="MaximumYearsAhead"/>.</summary>
    public static bool IsTooFarAhead(DateOnly start, DateOnly today) => start > today.AddYears(MaximumYearsAhead);

    /// <summary>
    /// Whether a date typed into the form is taken at all (else it is refused as not valid, naming the field, and never
    /// stored, not even in a draft): from a year before <paramref name="today"/> — an application sent back for changes
    /// may hold days just passed, which the eligibility check then names — to a year beyond the
    /// <see cref="MaximumYearsAhead"/> the rules allow, so that the check names a start a little too far ahead while a
    /// mistyped year (9999, 0202) never reaches the date arithmetic of lists, cards and the export.
    /// </summary>
    public static bool IsAcceptedDate(DateOnly date, DateOnly today) =>
        date >= EarliestAcceptedDate(today) && date <= LatestAcceptedDate(today);

    /// <summary>The first day <see cref="IsAcceptedDate"/> accepts (the form's date pickers start there).</summary>
    public static DateOnly EarliestAcceptedDate(DateOnly today) => today.AddYears(-1);

    /// <summary>The last day <see cref="IsAcceptedDate"/> accepts (the form's date pickers end there).</summary>
    public static DateOnly LatestAcceptedDate(DateOnly today) => today.AddYears(MaximumYearsAhead + 1);

    /// <summary>
    /// "At most one month" (domain.md): the last day is at the latest the day before the same day number a month later
    /// (1–31 March is a month; 1 March – 1 April is a month and a day). When the next month has no such day the month
    /// runs to its end: 31 May – 30 June and 30 January – 28 February are a month, like 1–31 March (.NET's AddMonths
    /// would clamp 31 May to 30 June and make 31 May – 30 June a day too long).
    /// </summary>
    public static DateOnly LastDayOfOneMonth(DateOnly start)
    {
        // December 9999 has no next month (AddMonths throws): a month from then runs to the end of the calendar. Such a
        // date is refused as input, but one stored before (or imported) must never break a card, a list or the export.
        if (start.Year == DateOnly.MaxValue.Year && start.Month == 12)
        {
            return DateOnly.MaxValue;
        }

        var next = start.AddMonths(1);
        return next.Day == start.Day ? next.AddDays(-1) : next;
    }

    /// <summary>
    /// The content every submitted application must have (domain.md: the parties commit to goals, objectives and
    /// agenda): the activity type, objectives, agenda and expected outcomes. A draft may lack them; submitting may not.
    /// </summary>
    public static EligibilityResult WithContent(EligibilityResult result, ExchangeActivityType? activityType, string? objectives, string? agenda, string? outcomes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = result.Problems.ToList();
        if (activityType is null)
        {
            problems.Add(EligibilityProblem.ActivityTypeMissing);
        }

        if (string.IsNullOrWhiteSpace(objectives))
        {
            problems.Add(EligibilityProblem.ObjectivesMissing);
        }

        if (string.IsNullOrWhiteSpace(agenda))
        {
            problems.Add(EligibilityProblem.AgendaMissing);
        }

        if (string.IsNullOrWhiteSpace(outcomes))
        {
            problems.Add(EligibilityProblem.OutcomesMissing);
        }

        return result with { Problems = problems };
    }

    /// <summary>
    /// The working days of a stay as the rules count them (weekends and the host country's public holidays excluded):
    /// the one count every card, list and export shows, so it always agrees with the eligibility and the lump sum.
    /// </summary>
    public int CountWorkingDays(string? hostCountry, DateOnly start, DateOnly end) =>
        WorkingDays.Count(start, end, Holidays(options.CurrentValue, hostCountry, start, end));

    /// <summary>The public holiday of <paramref name="hostCountry"/> on <paramref name="day"/> (national or configured); null on another day.</summary>
    public PublicHoliday? HolidayOn(string? hostCountry, DateOnly day) => HolidayOn(options.CurrentValue, hostCountry, day);

    /// <summary>The first working day after <paramref name="day"/> in <paramref name="hostCountry"/>: no weekend, no public holiday there.</summary>
    public DateOnly NextWorkingDay(string? hostCountry, DateOnly day) =>
        PublicHolidayCalendar.NextWorkingDay(hostCountry, day, Configured(options.CurrentValue, hostCountry));

    /// <summary>Monday to Friday and no public holiday of <paramref name="hostCountry"/>.</summary>
    public bool IsWorkingDay(string? hostCountry, DateOnly day) =>
        PublicHolidayCalendar.IsWorkingDay(hostCountry, day, Configured(options.CurrentValue, hostCountry));

    /// <summary>The problems of the dates themselves: while one stands, no lump sum is estimated (no such exchange can be paid).</summary>
    public static bool HasDateProblem(EligibilityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Problems.Any(p => p is EligibilityProblem.DatesMissing or EligibilityProblem.EndBeforeStart or EligibilityProblem.NotInFuture
            or EligibilityProblem.TooFewWorkingDays or EligibilityProblem.LongerThanOneMonth or EligibilityProblem.StartTooFarAhead
            or EligibilityProblem.StartOnWeekend or EligibilityProblem.EndOnWeekend or EligibilityProblem.StartOnHoliday or EligibilityProblem.EndOnHoliday);
    }

    /// <summary>The lump sum for the host country, halved under the working-day or the distance threshold.</summary>
    public LumpSumEstimate EstimateLumpSum(string hostCountry, int workingDays, double distanceKm)
    {
        var rules = options.CurrentValue;
        var cap = rules.LumpSumByHostCountry.TryGetValue(hostCountry, out var configured) ? configured : rules.DefaultLumpSum;
        var shortStay = workingDays < rules.FullLumpSumWorkingDays;
        var near = distanceKm < rules.FullLumpSumDistanceKm;
        return new LumpSumEstimate(cap, shortStay || near ? Math.Round(cap / 2, 2) : cap, shortStay, near, rules.FullLumpSumWorkingDays, rules.FullLumpSumDistanceKm);
    }

    private static bool IsCosme(ExchangeOptions rules, string country) =>
        rules.CosmeCountries.Contains(country, StringComparer.OrdinalIgnoreCase);

    private static IReadOnlyCollection<DateOnly> Holidays(ExchangeOptions rules, string? country, DateOnly start, DateOnly end) =>
        PublicHolidayCalendar.Between(country, start, end, Configured(rules, country));

    private static PublicHoliday? HolidayOn(ExchangeOptions rules, string? country, DateOnly day) =>
        PublicHolidayCalendar.On(country, day, Configured(rules, country));

    /// <summary>The days the partnership configured on top of the national holidays (regional ones, moved ones).</summary>
    private static IReadOnlyCollection<DateOnly> Configured(ExchangeOptions rules, string? country) =>
        country is not null && rules.PublicHolidays.TryGetValue(country, out var days) ? days : [];
}
