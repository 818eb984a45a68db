using System.Globalization;
using System.Text;
using HiTechTex.Bot.Features.Partners;
using HiTechTex.Bot.Language;
using HiTechTex.Bot.Language.Vocabulary;
using HiTechTex.Bot.Protocol;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// The inline organisation search of the form: every word of the query (case- and accent-insensitive) in the name,
/// city, country code or id, or (for the host search) naming the organisation's country in one of the six languages. Plain on purpose: it
/// needs only <see cref="IPartnerDirectory"/>, whatever stands behind it.
/// </summary>
internal static class OrganisationMatcher
{
    /// <param name="countryNames">A country's name matches its organisations — for the host search; not for finding the
    /// applicant's own organisation by its name in the profile, where "Portugal" must not offer every Portuguese one.</param>
    public static IReadOnlyList<Organisation> Find(IReadOnlyList<Organisation> organisations, string? query, int limit, bool countryNames = false)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var words = Fold(query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var countries = countryNames ? CountryWords(query!, words) : [];
        return [.. organisations
            .Where(o => words.All(w => Fold($"{o.Name} {o.City} {o.Country} {o.Id}").Contains(w, StringComparison.Ordinal)
                || (countries.TryGetValue(w, out var country) && string.Equals(country, o.Country, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(o => o.IsDemo)
            .ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit)];
    }

    /// <summary>
    /// The words of the query that name a country, in any of the six languages ("Portugal", "Portekiz", "Czech",
    /// "República Checa"), with its ISO code: the directory keeps only the code, and the question says "city or country".
    /// </summary>
    private static Dictionary<string, string> CountryWords(string query, string[] words)
    {
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (word.Length > 2 && LocalIntentRecognizer.FindCountry(word) is { } country)
            {
                countries[word] = country;
            }
        }

        // A name of several words ("czech republic", "paises bajos"): each of its words stands for the country.
        if (LocalIntentRecognizer.FindCountry(query) is { } named && Gazetteer.Countries.FirstOrDefault(c => c.Value == named) is { } entry)
        {
            var nameWords = entry.Names.SelectMany(n => Fold(n.Split('=')[0].TrimEnd('*', '~')).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
            foreach (var word in words.Where(nameWords.Contains))
            {
                countries.TryAdd(word, named);
            }
        }

        return countries;
    }

    private static string Fold(string text)
    {
        // Turkish dotted capital İ: ToLowerInvariant leaves it, and FormD would strip its dot to a capital I, so
        // "CİTEVE" or "İplik" never matched; dotless ı folds to i like the other dotless/dotted pairs.
        var decomposed = Utf16Text.WellFormed(text).Replace('İ', 'i').Replace('ı', 'i').ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return builder.ToString();
    }
}
