namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Why an application is not (yet) eligible; each has a text in <see cref="ExchangeTexts"/>.</summary>
internal enum EligibilityProblem
{
    VisitingOrganisationMissing,
    HostOrganisationMissing,
    VisitingNotCosme,
    HostNotCosme,
    SameCountry,
    DatesMissing,
    EndBeforeStart,
    NotInFuture,
    TooFewWorkingDays,
    LongerThanOneMonth,
    AlreadyVisited,
    ActivityTypeMissing,
    ObjectivesMissing,
    AgendaMissing,
    OutcomesMissing,
    StartTooFarAhead,

    /// <summary>The first working day is a Saturday or a Sunday.</summary>
    StartOnWeekend,

    /// <summary>The last working day is a Saturday or a Sunday.</summary>
    EndOnWeekend,

    /// <summary>The first working day is a public holiday of the host country (<see cref="EligibilityResult.Holidays"/> names it).</summary>
    StartOnHoliday,

    /// <summary>The last working day is a public holiday of the host country.</summary>
    EndOnHoliday,
}
