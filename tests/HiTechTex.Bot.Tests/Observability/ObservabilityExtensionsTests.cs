using HiTechTex.Bot.Observability;

namespace HiTechTex.Bot.Tests.Observability;

public sealed class ObservabilityExtensionsTests
{
    [Theory]
    [InlineData(null, "None")]
    [InlineData("", "None")]
    [InlineData("none", "None")]
    [InlineData("Console", "Console")]
    [InlineData("otlp", "Otlp")]
    public void ParseExporter_KnownValue_ReturnsExporter(string? value, string expected)
    {
        Assert.Equal(expected, ObservabilityExtensions.ParseExporter(value).ToString());
    }

    [Fact]
    public void ParseExporter_UnknownValue_FailsNamingTheKey()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ObservabilityExtensions.ParseExporter("zipkin"));

        Assert.Contains("OpenTelemetry:Exporter", exception.Message, StringComparison.Ordinal);
    }
}
