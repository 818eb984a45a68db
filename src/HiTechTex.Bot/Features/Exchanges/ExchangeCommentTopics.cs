using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>The answers of an application a step-by-step question asks for (which a "changes requested" comment may be about).</summary>
internal enum ExchangeQuestion
{
    Host,
    StartDate,
    EndDate,
    ActivityType,
    Objectives,
    Agenda,
    Outcomes,
}

/// <summary>
/// Which questions an approver's "changes requested" comment is about, from the words it uses in any of the six
/// languages ("the agenda is too thin", "revejam as datas", "obiettivi poco chiari"): the beginnings of words, compared
/// without case or accents. A comment naming none of them highlights none (every question is still asked).
/// </summary>
internal static class ExchangeCommentTopics
{
    // Beginnings of words (folded: lower case, no accents), English, Portuguese, Spanish, Italian, Turkish and Czech. Not
    // "day" alone: "say what happens each day" is about the agenda.
    private static readonly (ExchangeQuestion[] Questions, string[] Stems)[] Topics =
    [
        ([ExchangeQuestion.Host], ["host", "anfitri", "acolhe", "ospit", "ev sahib", "hostitel", "partner"]),
        ([ExchangeQuestion.StartDate, ExchangeQuestion.EndDate],
            ["date", "period", "week", "data", "fecha", "periodo", "semana", "settiman", "tarih", "donem", "hafta", "datum", "termin", "obdobi",
                "tyden"]),
        ([ExchangeQuestion.StartDate], ["start", "first day", "begin", "inicio", "primeiro dia", "primer dia", "inizio", "primo giorno", "baslangic", "ilk gun", "zacatek", "prvni den"]),
        ([ExchangeQuestion.EndDate], ["last day", "fim", "ultimo dia", "ultimo giorno", "son gun", "bitis", "konec", "posledni den"]),
        ([ExchangeQuestion.ActivityType], ["activity", "atividade", "actividad", "attivita", "etkinlik", "faaliyet", "aktivit", "cinnost"]),
        ([ExchangeQuestion.Objectives], ["objectiv", "goal", "aim", "objetiv", "obiettiv", "amac", "hedef", "cil"]),
        ([ExchangeQuestion.Agenda], ["agenda", "program", "schedule", "itinerar", "cronograma", "gundem", "harmonogram"]),
        ([ExchangeQuestion.Outcomes], ["outcome", "result", "resultado", "risultat", "sonuc", "cikti", "vysled"]),
    ];

    /// <summary>The questions <paramref name="comment"/> names, in no particular order; empty for none or no comment.</summary>
    public static IReadOnlySet<ExchangeQuestion> Of(string? comment)
    {
        var found = new HashSet<ExchangeQuestion>();
        if (string.IsNullOrWhiteSpace(comment))
        {
            return found;
        }

        // Words separated by single spaces, with one before each, so that " cil" finds "cile" but not "ucil".
        var words = " " + System.Text.RegularExpressions.Regex.Replace(TypedCommand.Fold(comment), @"[^\p{L}\p{Nd}]+", " ").Trim() + " ";
        foreach (var (questions, stems) in Topics)
        {
            if (stems.Any(stem => words.Contains(" " + stem, StringComparison.Ordinal)))
            {
                found.UnionWith(questions);
            }
        }

        return found;
    }
}
