using System.Text.Json;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// An organisation's name typed alone ("CITEVE", "AITEX") or asked about ("who is NTT?", "quem é o CITEVE?", "¿quién es
/// AITEX?", "chi è Centrocot?", "CITEVE nedir?", "kdo je CLUTEX?"), by someone whose profile is complete and when the
/// recognizer understood nothing else: the partner search's details of that organisation, instead of "I didn't
/// understand". What is an organisation's name is the directory's to say (<see cref="IOrganisationLookup.FindNamedAsync"/>:
/// one listed organisation named exactly); a question's words around the name are left out first. Never asked at a
/// question (the first-use or "my profile" organisation question takes the name as its answer — but a question about a
/// listed organisation typed there is kept as a request and answered once the profile is saved, see ProfileDialog).
/// </summary>
internal static class NamedOrganisation
{
    /// <summary>The source the routing log names for such a request.</summary>
    public const string SourceName = "organisation-name";

    /// <summary>An organisation's name is a few words; a longer message is a sentence about something else.</summary>
    public const int MaxNameWords = 6;

    // Normalized, longest first within a language: "who is", "o que é", "che cos'è", "co je to". An article after them
    // ("quem é o CITEVE?", "chi è l'AITEX?") is left out too.
    private static readonly string[][] Leads =
    [
        .. new[]
        {
            "who is", "who s", "who are", "what is", "what s", "what are", "tell me about", "do you know",
            "quem e", "quem sao", "o que e", "que e", "conheces", "conhece",
            "quien es", "quienes son", "que es", "conoces",
            "chi e", "chi sono", "che cos e", "che cosa e", "cos e", "cosa e", "cosa sono", "conosci",
            "kdo je", "kdo jsou", "co je to", "co je", "co jsou", "znas",
        }.Select(l => l.Split(' ')).OrderByDescending(l => l.Length),
    ];

    // Turkish asks after the name: "CITEVE nedir?", "NTT kimdir?", "CLUTEX ne?".
    private static readonly HashSet<string> Tails = new(StringComparer.Ordinal) { "nedir", "kimdir", "kim", "ne", "neymis" };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "o", "os", "as", "el", "la", "los", "las", "il", "lo", "l", "i", "gli", "le",
    };

    /// <summary>
    /// The name <paramref name="text"/> gives, without a question's words around it ("who is NTT?" → "ntt"); null when
    /// nothing or more than <see cref="MaxNameWords"/> words are left.
    /// </summary>
    public static string? NameIn(string? text) => Read(text).Name;

    /// <summary>
    /// The name <paramref name="text"/> asks about ("who is NTT?", "kdo je CLUTEX?", "CITEVE nedir?" → "ntt"); null when it
    /// asks nothing (a name alone) or names none. At the organisation question such a question is no answer to it.
    /// </summary>
    public static string? NameAskedAbout(string? text) => Read(text) is { Asked: true, Name: { } name } ? name : null;

    private static (string? Name, bool Asked) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        var tokens = TextNormalizer.Tokenize(IntentText.Bounded(text)).ToList();
        if (tokens.Count == 0 || tokens.Count > MaxNameWords + 4)
        {
            return (null, false);
        }

        var asked = false;
        foreach (var lead in Leads)
        {
            if (tokens.Count > lead.Length && lead.Select((word, i) => tokens[i].Norm == word).All(same => same))
            {
                tokens.RemoveRange(0, lead.Length);
                asked = true;
                break;
            }
        }

        if (tokens.Count > 1 && Tails.Contains(tokens[^1].Norm))
        {
            tokens.RemoveAt(tokens.Count - 1);
            asked = true;
        }

        if (tokens.Count > 1 && Articles.Contains(tokens[0].Norm))
        {
            tokens.RemoveAt(0);
        }

        return tokens.Count is > 0 and <= MaxNameWords ? (string.Join(' ', tokens.Select(t => t.Raw)), asked) : (null, asked);
    }

    /// <summary>The listed organisation <paramref name="text"/> names (alone or asked about); null for anything else.</summary>
    public static async Task<OrganisationMatch?> FindAsync(IOrganisationLookup lookup, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return NameIn(text) is { } name && await lookup.FindNamedAsync(name, cancellationToken).ConfigureAwait(false) is { Id: not null } named
            ? named
            : null;
    }

    /// <summary>The partner search's start for the organisation's details, as its results card's Details button starts it.</summary>
    public static JourneyStart DetailStart(string organisationId, string? typed, IntentEntities entities)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["action"] = FindPartnersDialog.DetailAction,
            ["id"] = organisationId,
        });
        return new JourneyStart(Intent.FindPartners, entities, typed, FindPartnersDialog.DetailAction, data);
    }
}
