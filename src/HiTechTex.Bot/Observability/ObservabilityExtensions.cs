using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HiTechTex.Bot.Observability;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient and the bot's own <c>HiTechTex.Bot</c> source and meter.
/// The exporter is chosen by <c>OpenTelemetry:Exporter</c> (<c>none</c> by default, <c>console</c>, <c>otlp</c> with
/// <c>OpenTelemetry:OtlpEndpoint</c>); with <c>none</c> the OpenTelemetry SDK is not added at all.
/// </summary>
internal static class ObservabilityExtensions
{
    public const string ExporterKey = "OpenTelemetry:Exporter";
    public const string OtlpEndpointKey = "OpenTelemetry:OtlpEndpoint";

    public static WebApplicationBuilder AddBotObservability(this WebApplicationBuilder builder)
    {
        var exporter = ParseExporter(builder.Configuration[ExporterKey]);
        var otlpEndpoint = ParseOtlpEndpoint(builder.Configuration[OtlpEndpointKey]);
        if (exporter == TelemetryExporter.None)
        {
            // Nothing would leave the process: no SDK, so no span, measurement or listener per request (they cost
            // ~5 % of a turn's CPU and the SDK's memory for nothing). The bot's source and meter still work for any
            // listener (dotnet-trace, dotnet-counters, tests).
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                _ = exporter switch
                {
                    TelemetryExporter.Console => tracing.AddConsoleExporter(),
                    TelemetryExporter.Otlp => tracing.AddOtlpExporter(o => o.Endpoint = otlpEndpoint ?? o.Endpoint),
                    _ => tracing,
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                _ = exporter switch
                {
                    TelemetryExporter.Console => metrics.AddConsoleExporter(),
                    TelemetryExporter.Otlp => metrics.AddOtlpExporter(o => o.Endpoint = otlpEndpoint ?? o.Endpoint),
                    _ => metrics,
                };
            });
        return builder;
    }

    /// <summary>Reads <c>OpenTelemetry:Exporter</c>; an unknown value stops the host with a message naming the key.</summary>
    public static TelemetryExporter ParseExporter(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => TelemetryExporter.None,
        "console" => TelemetryExporter.Console,
        "otlp" => TelemetryExporter.Otlp,
        _ => throw new InvalidOperationException($"{ExporterKey} must be 'none', 'console' or 'otlp' (was '{value}')."),
    };

    private static Uri? ParseOtlpEndpoint(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri
        : throw new InvalidOperationException($"{OtlpEndpointKey} must be an absolute URL (was '{value}').");
}
