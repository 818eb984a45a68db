using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Features.Coaching;

/// <summary>The six language blocks and the option validators.</summary>
public sealed partial class CoachingTextsTests
{
    public static TheoryData<string> Languages() => new(CoachingTexts.All.Select(t => t.Language));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Block_EveryText_PresentWithTheEnglishPlaceholders(string language)
    {
        var texts = CoachingTexts.Resolve(language);

        foreach (var property in typeof(CoachingTexts).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            var value = (string)property.GetValue(texts)!;
            var english = (string)property.GetValue(CoachingTexts.English)!;
            Assert.False(string.IsNullOrWhiteSpace(value), $"{language}.{property.Name} is empty");
            Assert.Equal(Placeholders(english), Placeholders(value));
        }

        Assert.NotEmpty(texts.ListCommands);
        Assert.NotEmpty(texts.MineCommands);
    }

    /// <summary>
    /// The cancel-registration question and the group hand-off name a session with its time, which brings its own
    /// parentheses ("… (Europe/Lisbon)"): before, "Cancel your registration for X (Thu … (America/New_York) · …)?".
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void SessionWithItsTime_QuestionAndHandOff_NoNestedParentheses(string language)
    {
        var texts = CoachingTexts.Resolve(language);
        var session = new CoachingSession
        {
            Title = "Dyeing (advanced)",
            StartsAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero),
            TimeZone = "Europe/Lisbon",
        };
        var when = SessionTime.Describe(session, SessionTime.CultureOf(texts), "America/New_York");

        foreach (var format in new[] { texts.UnregisterConfirmFormat, texts.HandOffRegisterFormat, texts.HandOffSessionFormat })
        {
            var shown = texts.Format(format, session.Title, when);
            Assert.Contains(when, shown, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\([^()]*\(", shown);
        }
    }

    [Theory]
    [InlineData("pt-PT", "pt")]
    [InlineData("CS", "cs")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void Resolve_LanguageCode_BlockOrEnglish(string? code, string expected) =>
        Assert.Equal(expected, CoachingTexts.Resolve(code).Language);

    [Fact]
    public void Commands_ListAndMine_NeverOverlap() =>
        Assert.Empty(CoachingTexts.All.SelectMany(t => t.ListCommands).Intersect(CoachingTexts.All.SelectMany(t => t.MineCommands), StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void GraphOptionsValidator_HalfConfigured_FailsNamingTheKeys()
    {
        var result = new GraphOptionsValidator().Validate(null, new GraphOptions { TenantId = "t", ClientId = "c" });

        Assert.True(result.Failed);
        Assert.Contains("Graph:ClientSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphOptionsValidator_NothingSet_SucceedsAndGraphIsOff()
    {
        var options = new GraphOptions();

        Assert.Equal(ValidateOptionsResult.Success, new GraphOptionsValidator().Validate(null, options));
        Assert.False(options.IsConfigured);
    }

    /// <summary>
    /// The client secret is POSTed to the token endpoint: over plain http to another host it would cross the network in
    /// clear. Bearer tokens were already sent only over https (loopback excepted); the secret now is too.
    /// </summary>
    [Theory]
    [InlineData("http://login.example.org/tenant/oauth2/v2.0/token", true)]
    [InlineData("ftp://login.example.org/token", true)]
    [InlineData("https://login.example.org/tenant/oauth2/v2.0/token", false)]
    [InlineData("http://127.0.0.1:5005/tenant/oauth2/v2.0/token", false)]
    [InlineData("http://localhost:5005/tenant/oauth2/v2.0/token", false)]
    public void GraphOptionsValidator_TokenEndpoint_HttpsUnlessLoopback(string endpoint, bool fails)
    {
        var result = new GraphOptionsValidator().Validate(null, new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s", TokenEndpoint = endpoint });

        Assert.Equal(fails, result.Failed);
        Assert.Equal(fails, result.FailureMessage?.Contains("Graph:TokenEndpoint", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void CoachingOptionsValidator_NegativeReminder_FailsNamingTheKey()
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { Reminders = [TimeSpan.FromHours(-1)] });

        Assert.True(result.Failed);
        Assert.Contains("Coaching:Reminders", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void CoachingOptionsValidator_Retention_AtLeastFifteenDays(int days, bool fails)
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { Retention = TimeSpan.FromDays(days) });

        Assert.Equal(fails, result.Failed);
        Assert.Equal(fails, result.FailureMessage?.Contains("Coaching:Retention", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("00:09:00", true)]
    [InlineData("00:10:00", false)]
    [InlineData("2.00:00:00", false)]
    [InlineData("14.00:00:00", false)]
    [InlineData("14.00:00:01", true)]
    public void CoachingOptionsValidator_OutboxNoticeMaxAge_BetweenTenMinutesAndFourteenDays(string maxAge, bool fails)
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { OutboxNoticeMaxAge = TimeSpan.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(fails, result.Failed);
        Assert.Equal(fails, result.FailureMessage?.Contains("Coaching:OutboxNoticeMaxAge", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(300, false)]
    [InlineData(10_001, true)]
    public void CoachingOptionsValidator_OutboxMaxAttempts_FromOneTo10000(int attempts, bool fails)
    {
        var result = new CoachingOptionsValidator().Validate(null, new CoachingOptions { OutboxMaxAttempts = attempts });

        Assert.Equal(fails, result.Failed);
        Assert.Equal(fails, result.FailureMessage?.Contains("Coaching:OutboxMaxAttempts", StringComparison.Ordinal) == true);
    }

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex PlaceholderPattern();
}
