using HiTechTex.Bot.Hosting;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Tests.Hosting;

/// <summary>
/// <c>Messaging:AllowedTenantIds</c> as the messaging endpoint applies it: none configured, a single-tenant bot takes
/// only its own tenant's activities (it used to take every tenant's); a multi-tenant bot and a local run without an app
/// id every tenant's; <c>*</c> alone every tenant's; a configured list as it is.
/// </summary>
public sealed class AllowedTenantsTests
{
    private const string AppId = "11111111-1111-1111-1111-111111111111";
    private const string OwnTenant = "22222222-2222-2222-2222-222222222222";
    private const string PartnerTenant = "33333333-3333-3333-3333-333333333333";

    [Fact]
    public void AllowedTenants_SingleTenantBotNoneConfigured_ItsOwnTenantOnly()
    {
        Assert.Equal([OwnTenant], ProtocolExtensions.AllowedTenants([], SingleTenant()));
    }

    [Fact]
    public void AllowedTenants_Configured_TheListAsConfigured()
    {
        Assert.Equal([OwnTenant, PartnerTenant], ProtocolExtensions.AllowedTenants([$" {OwnTenant} ", PartnerTenant, ""], SingleTenant()));
    }

    [Fact]
    public void AllowedTenants_GuidsInAnotherSpelling_AsEntraWritesThemSoTheActivitysTenantMatches()
    {
        var braced = SingleTenant();
        braced.MicrosoftAppTenantId = "{" + OwnTenant + "}";

        Assert.Equal([OwnTenant, PartnerTenant], ProtocolExtensions.AllowedTenants([OwnTenant.Replace("-", "", StringComparison.Ordinal), "{" + PartnerTenant + "}"], SingleTenant()));
        Assert.Equal([OwnTenant], ProtocolExtensions.AllowedTenants([], braced));
    }

    [Fact]
    public void AllowedTenants_StarAlone_EveryTenant()
    {
        Assert.Empty(ProtocolExtensions.AllowedTenants([ProtocolExtensions.AnyTenant], SingleTenant()));
    }

    [Fact]
    public void AllowedTenants_MultiTenantOrNoAppId_EveryTenant()
    {
        var multiTenant = SingleTenant();
        multiTenant.MicrosoftAppType = "MultiTenant";

        Assert.Empty(ProtocolExtensions.AllowedTenants([], multiTenant));
        Assert.Empty(ProtocolExtensions.AllowedTenants([], new BotOptions { MicrosoftAppTenantId = OwnTenant }));
    }

    [Fact]
    public void AllowedTenants_TenantIdNoGuid_LeftToTheBotSettingsOwnStartUpFailure()
    {
        var options = SingleTenant();
        options.MicrosoftAppTenantId = "contoso.onmicrosoft.com";

        Assert.Empty(ProtocolExtensions.AllowedTenants([], options));
    }

    private static BotOptions SingleTenant() => new()
    {
        MicrosoftAppType = "SingleTenant",
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = OwnTenant,
    };
}
