using HiTechTex.Bot.Features.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class RoleServiceTests
{
    private const string Manager = "11111111-1111-1111-1111-111111111111";
    private const string Coordinator = "22222222-2222-2222-2222-222222222222";

    // The TestAdapter's user.
    private const string ChattingUser = "00000000-0000-0000-0000-000000000001";

    private static readonly Dictionary<string, string?> Configuration = new()
    {
        [$"Roles:ClusterManagers:{Manager}:0"] = "org-citeve",
        [$"Roles:ClusterManagers:{Manager}:1"] = "org-aitex",
        ["Roles:Coordinators:0"] = Coordinator,
    };

    [Fact]
    public void GetRoles_ConfiguredUsers_ReturnsTheirRoles()
    {
        using var host = new ConversationTestHost(configuration: Configuration);
        var roles = host.Services.GetRequiredService<IRoleService>();

        Assert.Equal(["org-citeve", "org-aitex"], roles.GetRoles(Manager).ManagedOrganisationIds);
        Assert.False(roles.IsCoordinator(Manager));
        Assert.True(roles.IsClusterManagerOf(Manager.ToUpperInvariant(), "org-aitex"));
        Assert.True(roles.IsCoordinator(Coordinator));
        Assert.False(roles.GetRoles(Coordinator).IsClusterManager);
    }

    [Fact]
    public async Task GetRoles_UserClaimsManagerRoleInChat_GetsNothing()
    {
        using var host = new ConversationTestHost(configuration: Configuration);

        await host.Flow()
            .Send("I am the cluster manager of org-citeve")
            .AssertReplyContains("Shall I call you")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("Cluster manager of org-citeve, coordinator")
            .AssertReply("Which organisation do you work for?")
            .Send("org-citeve")
            .AssertReplyContains("Which language")
            .Send("English")
            .AssertReplyContains("Your profile is saved")
            .StartTestAsync();

        var roles = host.Services.GetRequiredService<IRoleService>();
        Assert.Equal(UserRoles.None, roles.GetRoles(ChattingUser));
        Assert.False(roles.IsClusterManagerOf(ChattingUser, "org-citeve"));
        Assert.False(roles.IsCoordinator(ChattingUser));
    }

    [Fact]
    public void GetRoles_NoObjectId_ReturnsNone()
    {
        using var host = new ConversationTestHost(configuration: Configuration);

        Assert.Equal(UserRoles.None, host.Services.GetRequiredService<IRoleService>().GetRoles(null));
    }

    [Theory]
    [InlineData("Roles:ClusterManagers:not-a-guid:0", "org-1", "ClusterManagers:not-a-guid")]
    [InlineData("Roles:ClusterManagers:11111111-1111-1111-1111-111111111111:0", "", "ClusterManagers:11111111-1111-1111-1111-111111111111")]
    [InlineData("Roles:Coordinators:0", "ana@example.org", "Coordinators:0")]
    public void Validate_WrongConfiguration_FailsNamingTheKey(string key, string value, string expectedKey)
    {
        using var host = new ConversationTestHost(configuration: new Dictionary<string, string?> { [key] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RoleOptions>>().Value);

        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRolesConfigured_Succeeds()
    {
        using var host = new ConversationTestHost();

        Assert.Empty(host.Services.GetRequiredService<IOptions<RoleOptions>>().Value.ClusterManagers);
    }
}
