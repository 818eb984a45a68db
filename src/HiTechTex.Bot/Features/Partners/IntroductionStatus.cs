namespace HiTechTex.Bot.Features.Partners;

/// <summary>Where an introduction request stands.</summary>
internal enum IntroductionStatus
{
    Pending,
    Accepted,
    Declined,

    /// <summary>Nobody could be reached; not counted against the daily limit.</summary>
    Undeliverable,

    /// <summary>Left unanswered past <c>Partners:IntroductionExpiryDays</c> and superseded by a new request to the same partner.</summary>
    Expired,
}
