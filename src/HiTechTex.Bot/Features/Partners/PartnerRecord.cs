using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// One organisation as the import/export files hold it: every field as text (lists separated by <c>;</c>), validated
/// into an <see cref="Organisation"/> with every problem named. CSV columns and JSON properties use the same names.
/// </summary>
internal static partial class PartnerRecord
{
    public static readonly string[] Columns =
    [
        "id", "name", "kind", "country", "region", "city", "latitude", "longitude", "website", "description", "descriptionLanguage",
        "capabilities", "stages", "services", "languages", "clusterId", "contactNames", "contactEmails", "contactEntraObjectIds",
        "listingConsent", "lastUpdated", "isDemo",
    ];

    public static readonly string[] RequiredColumns = ["id", "name", "kind", "country", "region", "city", "description", "descriptionLanguage", "contactEmails", "listingConsent"];

    /// <summary>Validates one record; <paramref name="errors"/> gets every problem (the record is then rejected).</summary>
    public static Organisation? Parse(Func<string, string?> field, DateTimeOffset now, List<string> errors)
    {
        string Text(string name) => field(name)?.Trim() ?? "";
        string Required(string name, int max)
        {
            var value = Text(name);
            if (value.Length == 0)
            {
                errors.Add($"{name} is required");
            }
            else if (value.Length > max)
            {
                errors.Add($"{name} is longer than {max} characters");
            }

            return value;
        }

        var id = Required("id", 100);
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            errors.Add("id may only hold lower-case letters, digits and '-'");
        }

        var name = Required("name", 300);
        var kindText = Required("kind", 32);
        var namedKind = EnumName.Find<OrganisationKind>(kindText);
        var kind = namedKind ?? OrganisationKind.Sme;
        if (kindText.Length > 0 && namedKind is null)
        {
            errors.Add($"kind '{kindText}' is not one of {string.Join(", ", Enum.GetNames<OrganisationKind>())}");
        }

        var country = Required("country", 2).ToUpperInvariant();
        if (country.Length > 0 && !CountryPattern().IsMatch(country))
        {
            errors.Add($"country '{country}' is not an ISO 3166-1 alpha-2 code");
        }

        var region = Required("region", 100);
        var city = Required("city", 100);
        foreach (var (column, value) in new[] { ("name", name), ("region", region), ("city", city) })
        {
            if (!IsPlainLine(value))
            {
                errors.Add($"{column} {PlainLineRule}");
            }
        }

        var latitude = Coordinate(Text("latitude"), 90, "latitude", errors);
        var longitude = Coordinate(Text("longitude"), 180, "longitude", errors);
        var website = Text("website");
        if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"website '{website}' is not an http(s) address");
        }

        var description = Required("description", 4000);
        var language = Required("descriptionLanguage", 8).ToLowerInvariant();
        if (language.Length > 0 && !LanguagePattern().IsMatch(language))
        {
            errors.Add($"descriptionLanguage '{language}' is not an ISO 639-1 code");
        }

        var capabilities = List(Text("capabilities"));
        foreach (var unknown in capabilities.Where(c => !TextileTaxonomy.IsCapability(c)))
        {
            errors.Add($"capability '{unknown}' is not in the taxonomy");
        }

        var stages = Enums<ValueChainStage>(Text("stages"), "stage", errors);
        var services = Enums<PartnerService>(Text("services"), "service", errors);
        var languages = List(Text("languages")).Select(l => l.ToLowerInvariant()).ToArray();
        foreach (var bad in languages.Where(l => !LanguagePattern().IsMatch(l)))
        {
            errors.Add($"language '{bad}' is not an ISO 639-1 code");
        }

        var clusterId = Text("clusterId");
        if (clusterId.Length > 100)
        {
            errors.Add("clusterId is longer than 100 characters");
        }

        var contacts = Contacts(Text("contactNames"), Text("contactEmails"), Text("contactEntraObjectIds"), errors);
        var consent = Bool(Text("listingConsent"), "listingConsent", required: true, errors);
        var isDemo = Bool(Text("isDemo"), "isDemo", required: false, errors);
        var lastUpdated = now;
        var updatedText = Text("lastUpdated");
        if (updatedText.Length > 0 && !DateTimeOffset.TryParse(updatedText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out lastUpdated))
        {
            errors.Add($"lastUpdated '{updatedText}' is not a date (use ISO 8601, e.g. 2026-11-01T00:00:00Z)");
        }

        return errors.Count > 0
            ? null
            : new Organisation(id, name, kind, country, region, city, new GeoPoint(latitude, longitude), website.Length == 0 ? null : website,
                description, language, [.. capabilities.Select(c => TextileTaxonomy.Find(c)!.Id)], stages, services,
                languages.Length == 0 ? [language] : languages, clusterId.Length == 0 ? null : clusterId, contacts, consent, lastUpdated.ToUniversalTime(), isDemo);
    }

    /// <summary>
    /// The name rules without their length (<see cref="Conversation.NameRule.IsPlain"/>): one line, no link, nothing
    /// that formats (Markdown, HTML), hides or turns the text around (bidi and zero-width characters). The name,
    /// region, city and contact names are shown on other people's cards (results, details, introductions, approvals)
    /// and in messages, which Teams reads as Markdown — "[Braga](https://…)" would be a link there.
    /// </summary>
    public static bool IsPlainLine(string text) => Conversation.NameRule.IsPlain(text);

    /// <summary>
    /// What a contact's name holds that no person's name does (<see cref="NameRule.CheckPerson"/>): a leading
    /// <c>= + - @</c>, a web address or an e-mail address. An empty name, or the contact's own address (what a contact
    /// without a name is stored and exported with), is none.
    /// </summary>
    public static PersonNameIssue ContactNameIssue(string name, string email)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return trimmed.Length == 0 || string.Equals(trimmed, email?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? PersonNameIssue.None
            : NameRule.CheckPerson(trimmed);
    }

    /// <summary>What <see cref="ContactNameIssue"/> found, as the import's error says it (after the contact name).</summary>
    internal static string PersonRule(PersonNameIssue issue) => issue switch
    {
        PersonNameIssue.LeadingSymbol => "is not a person's name: it starts with =, +, - or @ (a formula in a spreadsheet, a mention in a chat)",
        PersonNameIssue.WebAddress => "is not a person's name: it is or holds a web address",
        PersonNameIssue.EmailAddress => "is not a person's name: it holds an e-mail address (addresses go in contactEmails)",
        _ => "",
    };

    /// <summary>What <see cref="IsPlainLine"/> asks, as the import's error says it (after the column's name).</summary>
    internal const string PlainLineRule =
        "must be one line of plain text: no links or web addresses, none of the characters * _ ~ ` < >, no HTML entity (&...;), "
        + "no invisible or control characters, and not starting with # - + or \"1.\"";

    /// <summary>
    /// One plain address (name@example.org): <see cref="MailAddress"/> also takes "Mallory &lt;m@x.example&gt;", quoted
    /// local parts with spaces, a host without a dot, and the first of a list.
    /// </summary>
    public static bool IsPlainEmail(string text) =>
        text.Length > 0
        && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or ',' or ';' or '(' or ')' or '[' or ']' or '\\')
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    /// <summary>The fields of an organisation, in <see cref="Columns"/> order.</summary>
    public static string[] Fields(Organisation o) =>
    [
        o.Id, o.Name, o.Kind.ToString(), o.Country, o.Region, o.City,
        o.Location.Latitude.ToString("R", CultureInfo.InvariantCulture), o.Location.Longitude.ToString("R", CultureInfo.InvariantCulture),
        o.Website ?? "", o.Description, o.DescriptionLanguage,
        string.Join(';', o.Capabilities), string.Join(';', o.Stages), string.Join(';', o.Services), string.Join(';', o.Languages),
        o.ClusterId ?? "",
        string.Join(';', o.Contacts.Select(c => c.Name)), string.Join(';', o.Contacts.Select(c => c.Email)), string.Join(';', o.Contacts.Select(c => c.EntraObjectId ?? "")),
        o.ListingConsent ? "true" : "false", o.LastUpdated.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), o.IsDemo ? "true" : "false",
    ];

    private static double Coordinate(string text, double limit, string name, List<string> errors)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        // "41,5": Excel writes the decimal comma of its locale (pt, es, it, cs, tr) into the file; a single comma can
        // be nothing else in a coordinate (as a thousands separator it would be out of range).
        var number = text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal) ? text.Replace(',', '.') : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > limit)
        {
            errors.Add($"{name} '{text}' is not a number between -{limit} and {limit}");
            return 0;
        }

        return value;
    }

    private static bool Bool(string text, string name, bool required, List<string> errors)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add($"{name} is required (true or false)");
            }

            return false;
        }

        if (!bool.TryParse(text, out var value))
        {
            errors.Add($"{name} '{text}' is not true or false");
        }

        return value;
    }

    private static string[] List(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T[] Enums<T>(string text, string name, List<string> errors)
        where T : struct, Enum
    {
        var result = new List<T>();
        foreach (var item in List(text))
        {
            if (EnumName.Find<T>(item) is { } value)
            {
                result.Add(value);
            }
            else
            {
                errors.Add($"{name} '{item}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
            }
        }

        return [.. result.Distinct()];
    }

    private static PartnerContact[] Contacts(string names, string emails, string entraIds, List<string> errors)
    {
        var nameList = names.Split(';').Select(n => n.Trim()).ToArray();
        var emailList = List(emails);
        var idList = entraIds.Split(';').Select(n => n.Trim()).ToArray();
        if (emailList.Length == 0)
        {
            errors.Add("contactEmails needs at least one address");
        }

        // The lists pair up by position: a name too many or too few would give every later contact another's name
        // (a name holding ';' reads as two). An empty list is fine (the name is then the address).
        if (names.Length > 0 && nameList.Length != emailList.Length)
        {
            errors.Add($"contactNames has {nameList.Length} name(s) for {emailList.Length} contactEmails (one per address, separated by ';'; a name cannot hold ';')");
        }

        if (entraIds.Length > 0 && idList.Length != emailList.Length)
        {
            errors.Add($"contactEntraObjectIds has {idList.Length} id(s) for {emailList.Length} contactEmails (one per address, empty where there is none)");
        }

        foreach (var name in nameList.Where(n => !IsPlainLine(n)))
        {
            errors.Add($"contact name '{name}' {PlainLineRule}");
        }

        // A contact's name is a person's: held to the profile's person-name rule too (NameRule.CheckPerson).
        for (var i = 0; i < nameList.Length; i++)
        {
            if (IsPlainLine(nameList[i]) && ContactNameIssue(nameList[i], i < emailList.Length ? emailList[i] : "") is var issue and not PersonNameIssue.None)
            {
                errors.Add($"contact name '{nameList[i]}' {PersonRule(issue)}");
            }
        }

        var contacts = new List<PartnerContact>();
        for (var i = 0; i < emailList.Length; i++)
        {
            if (!IsPlainEmail(emailList[i]))
            {
                errors.Add($"contact email '{emailList[i]}' is not an email address");
            }

            var entraId = i < idList.Length && idList[i].Length > 0 ? idList[i] : null;
            if (entraId is not null && !Guid.TryParse(entraId, out _))
            {
                errors.Add($"contact Entra object id '{entraId}' is not a GUID");
            }

            contacts.Add(new PartnerContact(i < nameList.Length && nameList[i].Length > 0 ? nameList[i] : emailList[i], emailList[i], entraId));
        }

        return [.. contacts];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();
}
