using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The coaching journey: "book a session" / "my sessions" from the welcome card or free text, the typed commands
/// "sessions" and "my sessions" (and, for coordinators, "new session" and "import sessions") in the six languages, and
/// every <c>coaching.*</c> card button.
/// </summary>
internal sealed class CoachingJourney(CoachingDialog dialog) : IJourney
{
    public static readonly IReadOnlyCollection<string> Actions =
    [
        "bookSession", "mySessions", CoachingDialog.ListAction, CoachingDialog.MineAction, CoachingDialog.DetailsAction,
        CoachingDialog.RegisterAction, CoachingDialog.UnregisterAction, CoachingDialog.NewAction, CoachingDialog.EditAction,
        CoachingDialog.SaveAction, CoachingDialog.CancelSessionAction, CoachingDialog.ImportAction, CoachingDialog.ImportSaveAction,
    ];

    public Dialog Dialog => dialog;

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.RegisterForCoaching, Intent.MySessions];

    public IReadOnlyCollection<string> CardActions => Actions;

    public IReadOnlyCollection<string> Commands { get; } =
        [.. CoachingTexts.All.SelectMany(t => t.ListCommands.Concat(t.MineCommands).Concat(t.NewSessionCommands).Concat(t.ImportCommands))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The catalogue of upcoming sessions (typed, recognized, the welcome card's "book a session", the filter) is for
    /// everyone (in a group it is shown without the coordinator's buttons);
    /// a session's details (the asker's registration, for a coordinator the participants), registering, one's own
    /// sessions and the coordinator's forms are personal.
    /// </summary>
    public bool IsPersonal(JourneyStart start) => CoachingDialog.ActionOf(start) is not (CoachingDialog.ListAction or "bookSession");

    /// <summary>Every coaching request is answered in its turn (<see cref="CoachingDialog"/> keeps nothing waiting).</summary>
    public bool AnswersInOneTurn => true;
}
