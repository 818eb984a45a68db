using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using static HiTechTex.Bot.Tests.Features.Exchanges.ExchangeTestData;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class ExchangeEligibilityTests
{
    private readonly ExchangeEligibility eligibility = new(Monitor(Options(o => o.PublicHolidays["CZ"] = [new DateOnly(2027, 3, 17)])));

    [Fact]
    public void Check_AllRulesMet_EligibleWithFigures()
    {
        var result = eligibility.Check(Citeve, Clutex, Monday, Monday.AddDays(4), Today, false);

        Assert.True(result.IsEligible);
        Assert.Equal(5, result.WorkingDays);
        Assert.InRange(result.DistanceKm!.Value, 2000, 2300);
    }

    [Theory]
    [InlineData(1, false)]   // Mon–Tue: 2 working days
    [InlineData(2, true)]    // Mon–Wed: 3 working days
    public void Check_TwoVersusThreeWorkingDays_OnlyThreeEligible(int lastDayOffset, bool eligible)
    {
        var result = eligibility.Check(Citeve, Clutex, Monday, Monday.AddDays(lastDayOffset), Today, false);

        Assert.Equal(eligible, result.IsEligible);
        Assert.Equal(eligible, !result.Problems.Contains(EligibilityProblem.TooFewWorkingDays));
    }

    [Theory]
    [InlineData(8, 2, false)]   // Fri 5 – Mon 8 March: the weekend doesn't count → 2
    [InlineData(9, 3, true)]    // Fri 5 – Tue 9 March → 3
    public void Check_WeekendInsideRange_WeekendNotCounted(int lastDay, int workingDays, bool eligible)
    {
        var result = eligibility.Check(Citeve, Clutex, new DateOnly(2027, 3, 5), new DateOnly(2027, 3, lastDay), Today, false);

        Assert.Equal(workingDays, result.WorkingDays);
        Assert.Equal(eligible, result.IsEligible);
    }

    [Theory]
    [InlineData("2027-03-06", "2027-03-12", "StartOnWeekend")]   // Sat – Fri: 5 working days, but from a Saturday
    [InlineData("2027-03-07", "2027-03-12", "StartOnWeekend")]   // from a Sunday
    [InlineData("2027-03-01", "2027-03-06", "EndOnWeekend")]     // Mon – Sat
    [InlineData("2027-03-01", "2027-03-07", "EndOnWeekend")]     // Mon – Sun
    public void Check_WeekendFirstOrLastWorkingDay_NotEligibleNamingWhichDay(string start, string end, string expected)
    {
        var result = eligibility.Check(Citeve, Clutex, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Today, false);

        Assert.False(result.IsEligible);
        Assert.Equal([Enum.Parse<EligibilityProblem>(expected)], result.Problems);
        Assert.True(ExchangeEligibility.HasDateProblem(result));   // no lump sum promised
    }

    [Fact]
    public void Check_WeekendOnBothEnds_BothNamed()
    {
        var result = eligibility.Check(Citeve, Clutex, new DateOnly(2027, 3, 6), new DateOnly(2027, 3, 14), Today, false);

        Assert.Contains(EligibilityProblem.StartOnWeekend, result.Problems);
        Assert.Contains(EligibilityProblem.EndOnWeekend, result.Problems);
    }

    [Fact]
    public void Check_HostCountryPublicHolidayInRange_HolidayNotCounted()
    {
        // 16–18 March with the 17th a Czech holiday: 2 working days in the host country.
        var result = eligibility.Check(Citeve, Clutex, new DateOnly(2027, 3, 16), new DateOnly(2027, 3, 18), Today, false);

        Assert.Equal(2, result.WorkingDays);
        Assert.Contains(EligibilityProblem.TooFewWorkingDays, result.Problems);
    }

    [Fact]
    public void Check_HolidayOfAnotherCountry_StillCounted()
    {
        var result = eligibility.Check(Clutex, Citeve, new DateOnly(2027, 3, 16), new DateOnly(2027, 3, 18), Today, false);

        Assert.Equal(3, result.WorkingDays);
        Assert.True(result.IsEligible);
    }

    [Theory]
    [InlineData(3, 31, true)]    // 1–31 March: one month
    [InlineData(4, 1, false)]    // 1 March – 1 April: one month plus one day
    public void Check_OneMonthVersusOneMonthPlusOneDay_OnlyOneMonthEligible(int endMonth, int endDay, bool eligible)
    {
        var result = eligibility.Check(Citeve, Clutex, Monday, new DateOnly(2027, endMonth, endDay), Today, false);

        Assert.Equal(eligible, result.IsEligible);
        Assert.Equal(!eligible, result.Problems.Contains(EligibilityProblem.LongerThanOneMonth));
    }

    [Theory]
    [InlineData("2027-05-31", "2027-06-30", true)]    // 31 May – 30 June: June has no 31st, so the month runs to its end (31 days, like 1–31 March)
    [InlineData("2027-05-31", "2027-07-01", false)]
    [InlineData("2027-04-30", "2027-05-29", true)]    // the day before the same day number a month later
    [InlineData("2027-04-30", "2027-05-30", false)]
    [InlineData("2027-03-31", "2027-04-30", true)]
    [InlineData("2028-01-31", "2028-02-29", true)]    // a leap February
    [InlineData("2028-01-30", "2028-02-29", true)]    // February 2028 has no 30th: to its end
    [InlineData("2028-01-29", "2028-02-29", false)]   // 29 February exists: 29 January – 28 February is the month
    public void Check_MonthEnds_TheSameRuleAsOneToThirtyFirstMarch(string first, string last, bool withinOneMonth)
    {
        var result = eligibility.Check(Citeve, Clutex, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), Today, false);

        Assert.Equal(!withinOneMonth, result.Problems.Contains(EligibilityProblem.LongerThanOneMonth));
    }

    [Theory]
    [InlineData("2099-03-02", false)]
    [InlineData("2029-02-02", false)]   // two years and a day ahead
    [InlineData("2029-01-29", true)]
    public void Check_StartFarAhead_RefusedWithItsOwnReason(string first, bool eligible)
    {
        var start = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);

        var result = eligibility.Check(Citeve, Clutex, start, start.AddDays(4), Today, false);

        Assert.Equal(!eligible, result.Problems.Contains(EligibilityProblem.StartTooFarAhead));
    }

    [Fact]
    public void Check_SameCountry_Refused()
    {
        var result = eligibility.Check(AeiTextils, Ateval, Monday, Monday.AddDays(4), Today, false);

        Assert.Equal([EligibilityProblem.SameCountry], result.Problems);
    }

    [Fact]
    public void Check_VisitorOutsideCosme_Refused()
    {
        var result = eligibility.Check(At("x-us", "US", new GeoPoint(40.7, -74.0)), Clutex, Monday, Monday.AddDays(4), Today, false);

        Assert.Equal([EligibilityProblem.VisitingNotCosme], result.Problems);
    }

    [Fact]
    public void Check_HostOutsideCosme_Refused()
    {
        var result = eligibility.Check(Citeve, At("x-ch", "CH", new GeoPoint(47.37, 8.54)), Monday, Monday.AddDays(4), Today, false);

        Assert.Equal([EligibilityProblem.HostNotCosme], result.Problems);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Check_StartTodayVersusTomorrow_OnlyFutureEligible(int daysAhead, bool eligible)
    {
        var start = Today.AddDays(daysAhead);   // today is a Monday: Mon/Tue + 4 days
        var result = eligibility.Check(Citeve, Clutex, start, start.AddDays(3), Today, false);

        Assert.Equal(!eligible, result.Problems.Contains(EligibilityProblem.NotInFuture));
    }

    [Fact]
    public void Check_PastDates_Refused()
    {
        var result = eligibility.Check(Citeve, Clutex, Today.AddDays(-10), Today.AddDays(-6), Today, false);

        Assert.Contains(EligibilityProblem.NotInFuture, result.Problems);
    }

    [Fact]
    public void Check_VisitingOrganisationAlreadyApplied_Refused()
    {
        var result = eligibility.Check(Citeve, Clutex, Monday, Monday.AddDays(4), Today, visitingAlreadyApplied: true);

        Assert.Equal([EligibilityProblem.AlreadyVisited], result.Problems);
    }

    [Fact]
    public void Check_EndBeforeStart_Refused()
    {
        var result = eligibility.Check(Citeve, Clutex, Monday, Monday.AddDays(-1), Today, false);

        Assert.Equal([EligibilityProblem.EndBeforeStart], result.Problems);
    }

    [Fact]
    public void Check_NothingFilledIn_EveryMissingPartHasAReason()
    {
        var result = eligibility.Check(null, null, null, null, Today, false);

        Assert.Equal(
            [EligibilityProblem.VisitingOrganisationMissing, EligibilityProblem.HostOrganisationMissing, EligibilityProblem.DatesMissing],
            result.Problems);
    }

    [Theory]
    [InlineData(4, 390)]
    [InlineData(5, 780)]
    public void EstimateLumpSum_FourVersusFiveWorkingDays_HalvedUnderFive(int workingDays, int expected)
    {
        var estimate = eligibility.EstimateLumpSum("CZ", workingDays, 1500);

        Assert.Equal(expected, estimate.Amount);
        Assert.Equal(workingDays < 5, estimate.HalvedForShortStay);
    }

    [Theory]
    [InlineData(199.0, 550)]
    [InlineData(200.0, 1100)]
    public void EstimateLumpSum_199Versus200Km_HalvedUnder200(double km, int expected)
    {
        var estimate = eligibility.EstimateLumpSum("IT", 10, km);

        Assert.Equal(expected, estimate.Amount);
        Assert.Equal(km < 200, estimate.HalvedForDistance);
    }

    [Fact]
    public void EstimateLumpSum_ShortAndNear_HalvedOnce()
    {
        var estimate = eligibility.EstimateLumpSum("IT", 3, 50);

        Assert.Equal(550m, estimate.Amount);
    }

    [Fact]
    public void EstimateLumpSum_CountryWithoutCap_DefaultCap()
    {
        var estimate = eligibility.EstimateLumpSum("PT", 5, 500);

        Assert.Equal(600m, estimate.Cap);
        Assert.Equal(600m, estimate.Amount);
    }

    [Theory]
    [InlineData(199.0, true)]
    [InlineData(200.5, false)]
    public void Check_OrganisationsAbout200KmApart_DistanceDecidesTheHalving(double kilometres, bool halved)
    {
        // Due north along a meridian: one degree of latitude is R·π/180 km.
        var visiting = At("x-a", "PT", new GeoPoint(40.0, -8.0));
        var host = At("x-b", "ES", new GeoPoint(40.0 + (kilometres / (GeoDistance.EarthRadiusKm * Math.PI / 180)), -8.0));

        var result = eligibility.Check(visiting, host, Monday, Monday.AddDays(4), Today, false);
        var estimate = eligibility.EstimateLumpSum(host.Country, result.WorkingDays!.Value, result.DistanceKm!.Value);

        Assert.Equal(kilometres, result.DistanceKm!.Value, 3);
        Assert.Equal(halved, estimate.IsHalved);
    }

    [Fact]
    public void Kilometres_LisbonToMadrid_About503()
    {
        var km = GeoDistance.Kilometres(new GeoPoint(38.7223, -9.1393), new GeoPoint(40.4168, -3.7038));

        Assert.InRange(km, 500, 506);
    }
}
