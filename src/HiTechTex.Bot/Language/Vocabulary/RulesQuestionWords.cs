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
        "can i", "may i", "could i", "can we", "may we", "can one", "can my", "can our", "may my", "may our", "can a", "can an", "can each", "am i allowed=3", "are we allowed=3", "allowed", "permitted",
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

    /// <summary>
    /// More than one: "can we do more than one exchange?", "¿puedo hacer más de un intercambio?" — read only in a
    /// question (<see cref="QuestionOpeners"/>).
    /// </summary>
    public static readonly string[] MoreThanOne =
    [
        "more than one", "more than once", "more than 1", "several", "multiple", "a second", "more exchange*",
        "mais de um", "mais de uma", "mais do que um", "mais do que uma", "mais de 1", "varios", "varias", "mais intercambio*",
        "mas de un", "mas de una", "mas de uno", "mas de 1", "mas intercambio*",
        "piu di uno", "piu di una", "piu di un", "piu di 1", "piu scambi", "diversi", "piu volte", "altri scambi",
        "birden fazla", "birkac", "bir kereden fazla", "birden cok",
        "vice nez jednu", "vic nez jednu", "vice nez jeden", "vic nez jeden", "vice nez jednou", "vic nez jednou", "nekolik", "vice vymen*", "vic vymen*",
    ];

    /// <summary>A limit: "is there a limit on exchanges?" — read only in a question.</summary>
    public static readonly string[] Limit =
    [
        "limit", "limits", "limited", "limite", "limites", "limiti", "limitato", "sinir", "siniri", "sinirli", "omezeni", "omezen*",
    ];

    /// <summary>The most or least of something: "what's the maximum length of an exchange?" — with <see cref="Measure"/>.</summary>
    public static readonly string[] Extreme =
    [
        "maximum", "max", "minimum", "min", "longest", "shortest", "at most", "at least",
        "maximo", "maxima", "minimo", "minima", "no maximo", "no minimo", "como maximo", "como minimo",
        "massimo", "massima", "minimo", "minima", "al massimo", "al minimo",
        "en fazla", "en az", "en uzun", "en kisa", "maksimum",
        "maximalni", "minimalni", "maximalne", "minimalne", "nejdele", "nejdelsi", "nejkratsi", "nejvice", "nejmene",
    ];

    /// <summary>What a limit is about: the length of a stay or the number of exchanges.</summary>
    public static readonly string[] Measure =
    [
        "length", "long", "duration", "days", "weeks", "number", "times", "stay",
        "duracao", "dias", "semanas", "numero", "vezes", "estadia", "tempo",
        "duracion", "dias", "semanas", "numero", "veces", "estancia", "tiempo",
        "durata", "giorni", "settimane", "numero", "volte", "soggiorno", "tempo",
        "sure*", "gun", "hafta", "sayi*", "kez", "defa", "uzun*",
        "delka", "doba", "dni", "dnu", "tydn*", "pocet", "krat", "pobyt*",
    ];

    /// <summary>
    /// How a question begins (accents and case aside): the new readings (<see cref="MoreThanOne"/>, <see cref="Limit"/>,
    /// <see cref="Extreme"/>) and a rules question typed while a question waits need a question — a "?", one of these
    /// first words, or a Turkish question word or particle (<see cref="TurkishQuestion"/>).
    /// </summary>
    public static readonly string[] QuestionOpeners =
    [
        "how", "what", "whats", "which", "can", "could", "may", "is", "are", "am", "do", "does", "will", "would", "should", "must", "shall",
        "quantos", "quantas", "quanto", "quanta", "qual", "quais", "posso", "podemos", "pode", "podem", "ha", "existe", "como",
        "cuantos", "cuantas", "cuanto", "cuanta", "cual", "cuales", "puedo", "puede", "pueden", "hay", "es",
        "quanti", "quante", "qual", "quale", "quali", "possiamo", "puo", "possono", "c", "esiste", "si", "come",
        "kolik", "kolikrat", "jak", "jaky", "jaka", "jake", "muzu", "mohu", "muzeme", "smim", "smime", "lze", "je", "jsou", "da", "existuje", "plati", "muze",
    ];

    /// <summary>Turkish asks in the middle or at the end: "kaç", "ne kadar", "nedir" anywhere.</summary>
    public static readonly string[] TurkishQuestion = ["kac", "ne kadar", "nedir"];

    /// <summary>A Turkish "mı/mi/mu/mü" question particle, read only as the last word ("yapabilir miyim").</summary>
    public static readonly string[] TurkishParticles =
    [
        "mi", "mu", "miyim", "miyiz", "misin", "misiniz", "mudur", "midir", "muyum", "muyuz", "musunuz",
    ];
}
