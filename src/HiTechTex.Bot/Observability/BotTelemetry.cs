using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HiTechTex.Bot.Observability;

/// <summary>The bot's own traces and metrics, named <c>HiTechTex.Bot</c>.</summary>
internal static class BotTelemetry
{
    public const string Name = "HiTechTex.Bot";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Turns =
        Meter.CreateCounter<long>("hitechtex.bot.turns", unit: "{turn}", description: "Turns processed, by activity type and outcome.");

    public static readonly Histogram<double> TurnDuration =
        Meter.CreateHistogram<double>("hitechtex.bot.turn.duration", unit: "s", description: "Time spent in the middleware and the bot per turn.");
}
