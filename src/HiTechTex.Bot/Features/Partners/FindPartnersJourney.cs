using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>The find-partners journey: the intent, the welcome card's button, the cards' actions and the typed command in six languages.</summary>
internal sealed class FindPartnersJourney(FindPartnersDialog dialog) : IJourney
{
    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

    public IReadOnlyCollection<string> CardActions { get; } = FindPartnersDialog.Actions;

    public IReadOnlyCollection<string> Commands { get; } =
        ["find partners", "encontrar parceiros", "buscar socios", "trova partner", "ortak bul", "najít partnery", .. PartnerMemberEditor.ManageCommands];

    /// <summary>
    /// The directory is shared knowledge: a search in a group chat or a channel is answered there. A cluster manager's
    /// member list and form are not (they show the members' contact details): they move to the manager's 1:1 chat.
    /// </summary>
    public bool IsPersonal(JourneyStart start) => PartnerMemberEditor.IsEditorStart(start);

    /// <summary>Every step is a card button carrying its query: answered on top of a form or question that waits.</summary>
    public bool AnswersInOneTurn => true;
}
