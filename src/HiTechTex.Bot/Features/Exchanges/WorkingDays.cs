namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Working days of a stay: Monday to Friday, both ends included, public holidays excluded.</summary>
internal static class WorkingDays
{
    public static int Count(DateOnly start, DateOnly end, IReadOnlyCollection<DateOnly> holidays)
    {
        var count = 0;
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                count++;
            }
        }

        return count;
    }
}
