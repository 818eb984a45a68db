using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"Today" and "now" for the exchange rules, in the configured time zone, from <see cref="TimeProvider"/> (tests move it).</summary>
internal sealed class ExchangeClock(TimeProvider timeProvider, IOptionsMonitor<ExchangeOptions> options)
{
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
}
