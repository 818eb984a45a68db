using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>"Today" and "now" for the exchange rules, in the configured time zone, from <see cref="TimeProvider"/> (tests move it).</summary>
internal sealed class ExchangeClock(TimeProvider timeProvider, IOptionsMonitor<ExchangeOptions> options)
{
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>The configured zone's id (<c>Exchanges:TimeZone</c>), as cards name it.</summary>
    public string TimeZoneId => options.CurrentValue.TimeZone;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
}
