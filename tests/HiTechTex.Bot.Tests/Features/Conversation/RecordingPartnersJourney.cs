using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>
/// Finds partners, not personal (answered in a channel too): says "journey started" and ends, recording each start;
/// claims <paramref name="cardActions"/> (none by default: the menu's "Find partners" reaches it by its intent).
/// </summary>
internal sealed class RecordingPartnersJourney(IReadOnlyCollection<string>? cardActions = null) : IJourney
{
    public List<JourneyStart> Starts { get; } = [];

    public Dialog Dialog => field ??= new StartDialog(Starts);

    public IReadOnlyCollection<Intent> Intents { get; } = [Intent.FindPartners];

    public IReadOnlyCollection<string> CardActions { get; } = cardActions ?? [];

    public bool IsPersonal(JourneyStart start) => false;

    private sealed class StartDialog(List<JourneyStart> starts) : Dialog("test.partners")
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
        {
            starts.Add(Assert.IsType<JourneyStart>(options));
            await dc.Context.SendActivityAsync("journey started", cancellationToken);
            return await dc.EndDialogAsync(null, cancellationToken);
        }
    }
}
