using System.Globalization;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The placeholder of a journey that a later issue builds: says it is coming soon and shows back what was
/// understood ("You're looking for: finishing lab · Italy"), so the recognition round trip is visible.
/// Begun with the <see cref="IntentEntities"/> as options; ends in the same turn.
/// </summary>
internal sealed class ComingSoonDialog(Intent journey) : Dialog(IdFor(journey))
{
    public static string IdFor(Intent journey) => "comingSoon." + journey;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Context.GetTexts();
        await dc.Context.SendActivityAsync(ConversationTurn.Plain(texts.ComingSoon(JourneyName(texts))), cancellationToken).ConfigureAwait(false);
        var details = Describe(options as IntentEntities ?? IntentEntities.Empty, texts);
        if (details.Length > 0)
        {
            await dc.Context.SendActivityAsync(ConversationTurn.Plain(texts.LookingFor(details)), cancellationToken).ConfigureAwait(false);
        }

        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The entities as one line, in a fixed order: keywords, topic, kind, region, country, dates.</summary>
    public static string Describe(IntentEntities entities, ConversationTexts texts)
    {
        var parts = new List<string>();
        parts.AddRange(entities.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)));
        AddIfPresent(parts, entities.SessionTopic);
        AddIfPresent(parts, entities.OrganisationKind);
        AddIfPresent(parts, entities.Region);
        if (!string.IsNullOrWhiteSpace(entities.Country))
        {
            parts.Add(texts.Countries.GetValueOrDefault(entities.Country, entities.Country));
        }

        parts.AddRange(entities.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return string.Join(" · ", parts.Distinct(StringComparer.OrdinalIgnoreCase));
    }

    private static void AddIfPresent(List<string> parts, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(value);
        }
    }

    private string JourneyName(ConversationTexts texts) => journey switch
    {
        Intent.FindPartners => texts.FindPartners,
        Intent.ApplyForExchange => texts.ApplyExchange,
        Intent.RegisterForCoaching => texts.BookSession,
        Intent.MyApplications => texts.MyApplications,
        Intent.MySessions => texts.MySessions,
        _ => journey.ToString(),
    };
}
