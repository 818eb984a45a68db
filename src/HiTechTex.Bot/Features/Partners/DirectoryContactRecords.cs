using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The person is the Teams contact (Entra object id) of an organisation in the directory: its introduction requests
/// are sent to their 1:1 chat, so without its address they would reach nobody (requests to the organisation would be
/// undeliverable) until they write to the bot again. Kept as long as the entry names them — like a manager's role.
/// </summary>
internal sealed class DirectoryContactRecords(IPartnerDirectory directory) : IPersonalRecords
{
    public PersonalRecordKind Kind => PersonalRecordKind.DirectoryContact;

    public async Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken)
    {
        if (aadObjectId is not { Length: > 0 })
        {
            return false;
        }

        return (await directory.ListAsync(cancellationToken).ConfigureAwait(false)).Any(o => IntroductionService.IsOwnContact(o, aadObjectId));
    }
}
