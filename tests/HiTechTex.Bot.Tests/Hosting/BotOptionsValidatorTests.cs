using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Tests.Hosting;

public sealed class BotOptionsValidatorTests
{
    private const string AppId = "11111111-1111-1111-1111-111111111111";
    private const string TenantId = "22222222-2222-2222-2222-222222222222";
    private readonly BotOptionsValidator validator = new();

    [Fact]
    public void Validate_NoAppId_Succeeds()
    {
        var result = validator.Validate(null, new BotOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_CompleteSingleTenant_Succeeds()
    {
        var result = validator.Validate(null, SingleTenant());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenantId_NamesMicrosoftAppTenantId()
    {
        var options = SingleTenant();
        options.MicrosoftAppTenantId = "";

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppTenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MultiTenantWithoutTenantId_Succeeds()
    {
        var options = SingleTenant();
        options.MicrosoftAppType = "MultiTenant";
        options.MicrosoftAppTenantId = null;

        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AppIdNotAGuid_NamesMicrosoftAppId()
    {
        var options = SingleTenant();
        options.MicrosoftAppId = "my-bot";

        var result = validator.Validate(null, options);

        Assert.Contains("MicrosoftAppId must be a GUID", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordMissing_NamesMicrosoftAppPassword()
    {
        var options = SingleTenant();
        options.MicrosoftAppPassword = " ";

        var result = validator.Validate(null, options);

        Assert.Contains("MicrosoftAppPassword", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("s3cret")]
    public void Validate_ManagedIdentity_NamesMicrosoftAppType(string? password)
    {
        // The outbound token provider has no managed-identity flow: such a host answered no one (every reply's token failed).
        var options = SingleTenant();
        options.MicrosoftAppType = "UserAssignedMSI";
        options.MicrosoftAppPassword = password;

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppType must be one of SingleTenant, MultiTenant (was 'UserAssignedMSI')", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownAppType_NamesMicrosoftAppType()
    {
        var options = SingleTenant();
        options.MicrosoftAppType = "SomethingElse";

        Assert.Contains("MicrosoftAppType", validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TenantIdNotAGuid_NamesMicrosoftAppTenantId()
    {
        var options = SingleTenant();
        options.MicrosoftAppTenantId = "contoso.onmicrosoft.com";

        Assert.Contains("MicrosoftAppTenantId must be a GUID", validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EveryFailure_NeverEchoesThePassword()
    {
        const string Password = "Zq8~kF3.s9Vw-Lr2_Tn6Yx4Pb1Hd7Jm5Gc0";
        var options = new BotOptions { MicrosoftAppType = "Nonsense", MicrosoftAppId = "not-a-guid", MicrosoftAppPassword = Password, MicrosoftAppTenantId = "not-a-guid", OpenIdMetadataUrl = "relative" };

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
    }

    private static BotOptions SingleTenant() => new()
    {
        MicrosoftAppType = "SingleTenant",
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = TenantId,
    };
}
