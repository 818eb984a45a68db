using HiTechTex.Bot.Features.Exchanges;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

public sealed class ExchangeOptionsValidatorTests
{
    private readonly ExchangeOptionsValidator validator = new();

    [Fact]
    public void Validate_SensibleOptions_Succeeds() =>
        Assert.True(validator.Validate(null, ExchangeTestData.Options()).Succeeded);

    [Theory]
    [InlineData("Target")]
    [InlineData("CosmeCountries")]
    [InlineData("LumpSumByHostCountry")]
    [InlineData("MinimumWorkingDays")]
    [InlineData("ReminderAfterDays")]
    [InlineData("FollowUpInterval")]
    [InlineData("TimeZone")]
    [InlineData("ExportLinkLifetime")]
    [InlineData("ExportLinkSecret")]
    [InlineData("PublicBaseUrl")]
    public void Validate_WrongSetting_FailsNamingTheKey(string key)
    {
        var options = ExchangeTestData.Options(o =>
        {
            switch (key)
            {
                case "Target": o.Target = 0; break;
                case "CosmeCountries": o.CosmeCountries = ["Portugal"]; break;
                case "LumpSumByHostCountry": o.LumpSumByHostCountry["PT"] = -1; break;
                case "MinimumWorkingDays": o.MinimumWorkingDays = 6; break;
                case "ReminderAfterDays": o.ReminderAfterDays = 0; break;
                case "FollowUpInterval": o.FollowUpInterval = TimeSpan.Zero; break;
                case "TimeZone": o.TimeZone = "Mars/Olympus"; break;
                case "ExportLinkLifetime": o.ExportLinkLifetime = TimeSpan.FromSeconds(30); break;
                case "ExportLinkSecret": o.ExportLinkSecret = "too-short"; break;
                case "PublicBaseUrl": o.PublicBaseUrl = "bot.example.org"; break;
            }
        });

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Exchanges:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("                                        ")]   // 40 spaces: a length, no secret (it signed export links)
    [InlineData("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t")]
    [InlineData("0000000000000000000000000000000000000000")]
    public void Validate_ExportLinkSecretOfFewDifferentCharacters_FailsNamingTheKeyNotTheValue(string secret)
    {
        var result = validator.Validate(null, ExchangeTestData.Options(o => o.ExportLinkSecret = secret));

        Assert.True(result.Failed);
        Assert.Contains("Exchanges:ExportLinkSecret must be at least 32 characters with at least 8 different ones", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_FieldsWithSeparatorsOrFormulas_QuotedAndDefused()
    {
        Assert.Equal("plain", ExchangeReports.Quote("plain"));
        Assert.Equal("\"a,b\"", ExchangeReports.Quote("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", ExchangeReports.Quote("say \"hi\""));
        Assert.Equal("'=HYPERLINK(1)", ExchangeReports.Quote("=HYPERLINK(1)"));
        Assert.Equal("\"line\nbreak\"", ExchangeReports.Quote("line\nbreak"));
    }
}
