namespace HiTechTex.Bot.Observability;

/// <summary>Where traces and metrics go: <c>OpenTelemetry:Exporter</c> = <c>none</c> | <c>console</c> | <c>otlp</c>.</summary>
internal enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
