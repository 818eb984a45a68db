using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Features.Partners;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>Who decides now, by the ids the directory and the chats know.</summary>
public sealed class ExchangeApproversTests
{
    private const string Vasco = "0b6f3c1e-7d2a-4e8b-9c1f-3a5d7e9b1c20";
    private const string Vera = "5f0c7a1e-2b3d-4c5e-8f90-a1b2c3d4e5f6";

    [Fact]
    public async Task CurrentAsync_AssignmentStoredInAnotherCase_TheManagersOwnId()
    {
        // Arrange: a reassignment stored before the candidate's own id was (the id as a forged button sent it).
        var application = new ExchangeApplication
        {
            VisitingOrganisationId = HiTechTexPartners.CiteveId, ApplicantAadObjectId = "applicant", Status = ExchangeStatus.Stage1,
            AssignedApproverAadObjectId = Vera.ToUpperInvariant(),
        };

        // Act
        var current = await Approvers().CurrentAsync(application, CancellationToken.None);

        // Assert
        Assert.Equal([Vera], current);
    }

    [Fact]
    public async Task CurrentAsync_AssignedToSomebodyNoLongerACandidate_Nobody()
    {
        // Arrange
        var application = new ExchangeApplication
        {
            VisitingOrganisationId = HiTechTexPartners.CiteveId, ApplicantAadObjectId = "applicant", Status = ExchangeStatus.Stage1,
            AssignedApproverAadObjectId = "9d1e2f3a-4b5c-4d6e-8f7a-0b1c2d3e4f5a",
        };

        // Act
        var current = await Approvers().CurrentAsync(application, CancellationToken.None);

        // Assert
        Assert.Empty(current);
    }

    private static ExchangeApprovers Approvers()
    {
        var roles = new RoleOptions();
        roles.ClusterManagers[Vasco] = [HiTechTexPartners.CiteveId];
        roles.ClusterManagers[Vera] = [HiTechTexPartners.CiteveId];
        var index = new PartnerSearchIndex(path: null, NullLogger<PartnerSearchIndex>.Instance);
        return new ExchangeApprovers(ExchangeTestData.Monitor(roles), new InMemoryPartnerDirectory(index, HiTechTexPartners.All));
    }
}
