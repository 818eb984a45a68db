using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// A role's Entra object id is configured as Teams sends it. The role service read other spellings of a GUID as the
/// same person ("{…}", 32 digits without hyphens, spaces around), while the export link, the introductions' managers and
/// the exchange approvers compare the configured text: such a coordinator was offered "export exchanges" and told it is
/// unavailable, such a manager listed as one and never sent an approval card. Now the start-up stops, naming the key.
/// </summary>
public sealed class RoleOptionsValidatorTests
{
    private const string ObjectId = "6f1c2b4e-0000-4000-8000-00000000c0a1";

    private readonly RoleOptionsValidator validator = new();

    [Theory]
    [InlineData(ObjectId)]
    [InlineData("6F1C2B4E-0000-4000-8000-00000000C0A1")]
    public void Validate_ObjectIdsAsTeamsSendsThem_Succeeds(string id)
    {
        var options = new RoleOptions { Coordinators = [id] };
        options.ClusterManagers[id] = ["org-citeve"];

        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("{6f1c2b4e-0000-4000-8000-00000000c0a1}")]
    [InlineData("6f1c2b4e00004000800000000000c0a1")]
    [InlineData(" 6f1c2b4e-0000-4000-8000-00000000c0a1")]
    [InlineData("(6f1c2b4e-0000-4000-8000-00000000c0a1)")]
    public void Validate_OtherSpellingOfAGuid_FailsNamingTheKey(string id)
    {
        var coordinators = validator.Validate(null, new RoleOptions { Coordinators = [ObjectId, id] });
        var managers = new RoleOptions();
        managers.ClusterManagers[id] = ["org-citeve"];
        var manager = validator.Validate(null, managers);

        Assert.False(coordinators.Succeeded);
        Assert.Contains("Roles:Coordinators:1", coordinators.FailureMessage, StringComparison.Ordinal);
        Assert.False(manager.Succeeded);
        Assert.Contains("Roles:ClusterManagers:", manager.FailureMessage, StringComparison.Ordinal);
    }
}
