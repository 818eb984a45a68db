namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Working days of a stay: Monday to Friday, both ends included, public holidays excluded.</summary>
internal static class WorkingDays
{
    /// <summary>
    /// Counted by arithmetic on day numbers, never by stepping day by day: any two stored dates give an answer at once
    /// (stepping past <see cref="DateOnly.MaxValue"/> threw, and a stay from year 1 to 9999 took millions of steps).
    /// 0 when <paramref name="end"/> is before <paramref name="start"/>.
    /// </summary>
    public static int Count(DateOnly start, DateOnly end, IReadOnlyCollection<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (end < start)
        {
            return 0;
        }

        var days = end.DayNumber - start.DayNumber + 1;
        var count = days / 7 * 5;
        var first = (int)start.DayOfWeek;
        for (var i = 0; i < days % 7; i++)
        {
            if ((DayOfWeek)((first + i) % 7) is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        // Each holiday once, only on a weekday within the stay.
        count -= holidays.Distinct().Count(h => h >= start && h <= end && h.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        return count;
    }
}
