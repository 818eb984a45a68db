using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Stops the host at start-up with a message naming the wrong <c>Exchanges:*</c> key.</summary>
internal sealed class ExchangeOptionsValidator : IValidateOptions<ExchangeOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeOptions options)
    {
        var failures = new List<string>();
        if (options.Target <= 0)
        {
            failures.Add("Exchanges:Target must be a positive number.");
        }

        if (options.CosmeCountries.Count == 0 || options.CosmeCountries.Any(c => c is not { Length: 2 }))
        {
            failures.Add("Exchanges:CosmeCountries must list two-letter country codes.");
        }

        if (options.DefaultLumpSum < 0 || options.LumpSumByHostCountry.Any(p => p.Value < 0 || p.Key.Length != 2))
        {
            failures.Add("Exchanges:LumpSumByHostCountry needs two-letter codes and amounts of zero or more; Exchanges:DefaultLumpSum zero or more.");
        }

        if (options.MinimumWorkingDays < 1 || options.FullLumpSumWorkingDays < options.MinimumWorkingDays)
        {
            failures.Add("Exchanges:MinimumWorkingDays must be at least 1 and not above Exchanges:FullLumpSumWorkingDays.");
        }

        if (options.FullLumpSumDistanceKm < 0)
        {
            failures.Add("Exchanges:FullLumpSumDistanceKm must be zero or more.");
        }

        if (options.ReminderAfterDays < 1)
        {
            failures.Add("Exchanges:ReminderAfterDays must be at least 1.");
        }

        // PeriodicTimer takes at most ~49 days; a day is already far more than a reminder needs.
        if (options.FollowUpInterval <= TimeSpan.Zero || options.FollowUpInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Exchanges:FollowUpInterval must be positive and at most one day.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Exchanges:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.ExportLinkLifetime < TimeSpan.FromMinutes(1) || options.ExportLinkLifetime > TimeSpan.FromDays(1))
        {
            failures.Add("Exchanges:ExportLinkLifetime must be between 00:01:00 and 1.00:00:00.");
        }

        if (LinkKeys.SecretProblem("Exchanges:ExportLinkSecret", options.ExportLinkSecret) is { } secretProblem)
        {
            failures.Add(secretProblem);
        }

        if (PublicBaseAddress.Problem("Exchanges:PublicBaseUrl", options.PublicBaseUrl) is { } baseUrlProblem)
        {
            failures.Add(baseUrlProblem);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
