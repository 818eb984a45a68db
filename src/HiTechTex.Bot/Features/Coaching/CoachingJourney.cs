using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The coaching journey: "book a session" / "my sessions" from the welcome card or free text, the typed commands
/// "sessions" and "my sessions" (and, for coordinators, "new session" and "import sessions") in the six languages, and
/// every <c>coaching.*</c> card button.
/// </summary>
internal sealed class CoachingJourney(CoachingDialog dialog, CatalogService catalog) : IJourney
{
    public static readonly IReadOnlyCollection<string> Actions =
    [
        "bookSession", "mySessions", CoachingDialog.ListAction, CoachingDialog.MineAction, CoachingDialog.DetailsAction,
        CoachingDialog.RegisterAction, CoachingDialog.UnregisterAction, CoachingDialog.KeepAction, CoachingDialog.NewAction, CoachingDialog.EditAction,
        CoachingDialog.SaveAction, CoachingDialog.CancelSessionAction, CoachingDialog.ImportAction, CoachingDialog.ImportSaveAction, CoachingDialog.RetrySyncAction,
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

    /// <summary>
    /// A session's button clicked in a group names the session on the 1:1 card; its Continue shows the session's card
    /// there (where Register, Cancel or the coordinator's buttons are one more deliberate click) rather than registering,
    /// unregistering or cancelling for a session the person cannot see. Other buttons are described by their label.
    /// </summary>
    public async Task<PrivateHandOff?> HandOffAsync(JourneyStart start, string language, string? readerZone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var texts = CoachingTexts.Resolve(language);
        var action = CoachingDialog.ActionOf(start);
        if (start.CardData is { ValueKind: System.Text.Json.JsonValueKind.Object } data
            && CardInput.TryGetText(data, "sessionId", out var raw) && Guid.TryParse(raw, out var sessionId)
            && await catalog.GetAsync(sessionId, cancellationToken) is { } summary)
        {
            var when = SessionTime.Describe(summary.Session, SessionTime.CultureOf(texts), SessionTime.KnownZone(readerZone));
            var request = texts.Format(action == CoachingDialog.RegisterAction ? texts.HandOffRegisterFormat : texts.HandOffSessionFormat, summary.Session.Title, when);
            var replay = action == CoachingDialog.EditAction
                ? new System.Text.Json.Nodes.JsonObject { ["action"] = CoachingDialog.EditAction, ["sessionId"] = sessionId.ToString() }
                : new System.Text.Json.Nodes.JsonObject { ["action"] = CoachingDialog.DetailsAction, ["sessionId"] = sessionId.ToString() };
            return new PrivateHandOff(request, replay);
        }

        var label = action switch
        {
            CoachingDialog.MineAction => texts.MySessionsTitle,
            CoachingDialog.NewAction => texts.NewSession,
            CoachingDialog.ImportAction => texts.ImportSessions,
            _ => null,
        };
        return label is null ? null : new PrivateHandOff(label, new System.Text.Json.Nodes.JsonObject { ["action"] = action });
    }
}
