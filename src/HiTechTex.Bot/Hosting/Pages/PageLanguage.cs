using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace HiTechTex.Bot.Hosting.Pages;

/// <summary>
/// A language of the information pages (<see cref="InformationPages"/>): the partnership's six. The words of the
/// layout and the titles, how a duration is said, and which one a request gets — <c>?lang=pt</c>, else the browser's
/// <c>Accept-Language</c> (a Teams client opens the manifest's links with its own), else English. The page bodies are
/// the templates <c>home.html</c>, <c>privacy.pt.html</c>, …; a translation says that the English version prevails.
/// </summary>
internal sealed record PageLanguage(
    string Code,
    string Partnership,
    string About,
    string PrivacyNotice,
    string TermsOfUse,
    string OperatedBy,
    string TranslationNote,
    PageLanguage.Unit Day,
    PageLanguage.Unit Hour,
    PageLanguage.Unit Minute)
{
    /// <summary>A unit's forms after a number: 1, 2–4 (Czech) and the rest.</summary>
    internal sealed record Unit(string One, string Few, string Many);

    public static PageLanguage English { get; } = new(
        "en", "Hi-Tech-TEX partnership", "About", "Privacy notice", "Terms of use", "Operated by", "",
        new("day", "days", "days"), new("hour", "hours", "hours"), new("minute", "minutes", "minutes"));

    public static IReadOnlyList<PageLanguage> All { get; } =
    [
        English,
        new("pt", "parceria Hi-Tech-TEX", "Sobre", "Aviso de privacidade", "Termos de utilização", "Operado por",
            "Tradução do original em inglês; em caso de dúvida, prevalece a versão inglesa.",
            new("dia", "dias", "dias"), new("hora", "horas", "horas"), new("minuto", "minutos", "minutos")),
        new("es", "asociación Hi-Tech-TEX", "Acerca de", "Aviso de privacidad", "Condiciones de uso", "Operado por",
            "Traducción del original en inglés; en caso de duda, prevalece la versión inglesa.",
            new("día", "días", "días"), new("hora", "horas", "horas"), new("minuto", "minutos", "minutos")),
        new("it", "partenariato Hi-Tech-TEX", "Informazioni", "Informativa sulla privacy", "Condizioni d'uso", "Gestito da",
            "Traduzione dell'originale inglese; in caso di dubbio prevale la versione inglese.",
            new("giorno", "giorni", "giorni"), new("ora", "ore", "ore"), new("minuto", "minuti", "minuti")),
        new("tr", "Hi-Tech-TEX ortaklığı", "Hakkında", "Gizlilik bildirimi", "Kullanım koşulları", "İşleten:",
            "İngilizce aslının çevirisidir; şüphe durumunda İngilizce sürüm geçerlidir.",
            new("gün", "gün", "gün"), new("saat", "saat", "saat"), new("dakika", "dakika", "dakika")),
        new("cs", "partnerství Hi-Tech-TEX", "O botovi", "Oznámení o ochraně soukromí", "Podmínky používání", "Provozuje",
            "Překlad anglického originálu; v případě pochybností platí anglická verze.",
            new("den", "dny", "dní"), new("hodina", "hodiny", "hodin"), new("minuta", "minuty", "minut")),
    ];

    public bool IsTranslation => !ReferenceEquals(this, English);

    /// <summary>The page's title in this language.</summary>
    public string TitleOf(string page) => page switch
    {
        "privacy" => $"{PrivacyNotice} — HiTechTex.Bot",
        "terms" => $"{TermsOfUse} — HiTechTex.Bot",
        _ => "HiTechTex.Bot",
    };

    /// <summary>"7 days", "1 día", "36 saat", "5 dní": whole days, else hours, else minutes.</summary>
    public string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.Ticks % TimeSpan.TicksPerDay == 0 => Count((int)span.TotalDays, Day),
        { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => Count((int)span.TotalHours, Hour),
        _ => Count((int)Math.Ceiling(span.TotalMinutes), Minute),
    };

    /// <summary>
    /// The language for a request: <paramref name="requested"/> (the <c>lang</c> query) when it is one of the six, else
    /// the first of <paramref name="acceptLanguage"/> by quality that is (any region: <c>pt-BR</c> is Portuguese), else
    /// English.
    /// </summary>
    public static PageLanguage Negotiate(string? requested, string? acceptLanguage)
    {
        if (Find(requested) is { } chosen)
        {
            return chosen;
        }

        // ASP.NET Core's own Accept-Language parser (quality values, ranges); an unparsable header counts as absent.
        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage is null ? [] : [acceptLanguage], out var ranges))
        {
            return English;
        }

        return ranges
            .Select((range, position) => (Tag: range.Value.Value, Quality: range.Quality ?? 1, Position: position))
            .Where(r => r.Quality > 0)
            .OrderByDescending(r => r.Quality)
            .ThenBy(r => r.Position)
            .Select(r => Find(r.Tag))
            .FirstOrDefault(l => l is not null) ?? English;
    }

    private static PageLanguage? Find(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Split('-', '_')[0].Trim();
        return All.FirstOrDefault(l => string.Equals(l.Code, primary, StringComparison.OrdinalIgnoreCase));
    }

    private static string Count(int count, Unit unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? unit.One : count is >= 2 and <= 4 ? unit.Few : unit.Many)}");
}
