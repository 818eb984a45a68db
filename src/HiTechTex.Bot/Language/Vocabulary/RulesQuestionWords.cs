namespace HiTechTex.Bot.Language.Vocabulary;

/// <summary>
/// The words of a question about the exchange rules in EN, PT, ES, IT, TR and CS (<see cref="Phrase"/> syntax): "how
/// many exchanges can I do?", "quantos intercâmbios posso fazer?", "how long does an exchange last?" — read by
/// <see cref="RulesQuestionRecognizer"/>.
/// </summary>
internal static class RulesQuestionWords
{
    /// <summary>How many / how often.</summary>
    public static readonly string[] Quantity =
    [
        "how many", "how often", "how much",
        "quantos", "quantas", "quantas vezes=2",
        "cuantos", "cuantas", "cuantas veces=2",
        "quanti", "quante", "quante volte=2",
        "kac", "kac kez=2", "kac defa=2", "kac tane=2",
        "kolik", "kolikrat",
    ];

    /// <summary>What one may do: "can I", "posso", "per year", "at most", "allowed".</summary>
    public static readonly string[] Allowed =
    [
        "can i", "may i", "could i", "can we", "may we", "can one", "am i allowed=3", "are we allowed=3", "allowed", "permitted",
        "per year", "a year", "per person", "per organisation", "per organization", "maximum", "at most", "limit",
        "posso", "podemos", "pode", "possa", "por ano", "por pessoa", "por organizacao", "maximo", "no maximo", "limite", "permitid*",
        "puedo", "puede", "podemos", "por persona", "por organizacion", "al ano", "como maximo",
        "possiamo", "puo", "all anno", "l anno", "per persona", "per organizzazione", "massimo", "al massimo", "consentit*",
        "yapabilir*", "katilabilir*", "basvurabilir*", "yilda", "yillik", "kisi basi", "en fazla", "izin",
        "muzu", "mohu", "muzeme", "smim", "smime", "rocne", "za rok", "na osobu", "maximalne", "nejvyse", "povolen*",
    ];

    /// <summary>How long: the duration rule, whoever asks.</summary>
    public static readonly string[] Duration =
    [
        "how long", "how many days", "how many weeks", "duration",
        "quanto tempo", "quanto dura", "quantos dias", "quantas semanas", "duracao",
        "cuanto tiempo", "cuanto dura", "cuantos dias", "cuantas semanas", "duracion",
        "quanto dura", "quanti giorni", "quante settimane", "durata",
        "ne kadar surer=3", "ne kadar sure=3", "kac gun", "kac hafta", "suresi",
        "jak dlouho", "kolik dni", "kolik tydnu", "delka", "trvani",
    ];
}
