using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Stops the host at start-up on a wrong <c>Coaching</c> setting, naming the key.</summary>
internal sealed class CoachingOptionsValidator : IValidateOptions<CoachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CoachingOptions options)
    {
        var errors = new List<string>();
        if (options.Reminders.Any(r => r <= TimeSpan.Zero || r > TimeSpan.FromDays(14)))
        {
            errors.Add("Coaching:Reminders must be durations between 0 and 14 days (e.g. \"1.00:00:00\", \"01:00:00\").");
        }

        if (options.ReminderInterval <= TimeSpan.Zero || options.OutboxInterval <= TimeSpan.Zero || options.OutboxMaxBackoff <= TimeSpan.Zero)
        {
            errors.Add("Coaching:ReminderInterval, Coaching:OutboxInterval and Coaching:OutboxMaxBackoff must be positive.");
        }

        if (options.OutboxNoticeMaxAge < TimeSpan.FromMinutes(10) || options.OutboxNoticeMaxAge > TimeSpan.FromDays(14))
        {
            errors.Add("Coaching:OutboxNoticeMaxAge must be between 10 minutes and 14 days (e.g. \"2.00:00:00\").");
        }

        if (options.OutboxMaxAttempts is < 1 or > 10_000)
        {
            errors.Add("Coaching:OutboxMaxAttempts must be a whole number from 1 to 10000.");
        }

        if (options.MaxConcurrentBookings is < 1 or > 200)
        {
            errors.Add("Coaching:MaxConcurrentBookings must be between 1 and 200 (and below the connection pool size).");
        }

        if (options.Retention < TimeSpan.FromDays(15))
        {
            errors.Add("Coaching:Retention must be at least 15 days (longer than the longest reminder), e.g. \"30.00:00:00\".");
        }

        if (PublicBaseAddress.Problem("Coaching:PublicBaseUrl", options.PublicBaseUrl) is { } baseUrlProblem)
        {
            errors.Add(baseUrlProblem);
        }

        if (LinkKeys.SecretProblem("Coaching:CalendarLinkSecret", options.CalendarLinkSecret) is { } secretProblem)
        {
            errors.Add(secretProblem);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
