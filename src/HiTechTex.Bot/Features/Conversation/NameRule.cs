using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>
/// The one rule for names that other people read — a person's name (typed for the profile, or their Teams display
/// name), an organisation's, and the directory's names, places and contacts (<see cref="Partners.PartnerRecord.IsPlainLine"/>):
/// they go on cards and into messages that Teams renders as Markdown, so a name shows as what it is, on one line, in
/// its own direction. Refused: control characters, line and paragraph separators, Unicode format characters (bidi
/// overrides and isolates, marks, zero-width spaces, the soft hyphen… — but not ZWNJ U+200C and ZWJ U+200D, which
/// Persian, Indic and other scripts' names need), and what would format: emphasis markers (<c>*</c>, <c>_</c>,
/// <c>~</c>), code (<c>`</c>), HTML tags and entities (<c>&lt;b&gt;</c>, <c>&amp;#42;</c>), a leading heading,
/// quote or list marker, and links (<see cref="HoldsLink"/>). Letters of every script, marks, digits, spaces and the
/// punctuation of real names (<c>- ' . , ( ) &amp; / [ ]</c>) stay allowed.
/// </summary>
internal static partial class NameRule
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// Whether <paramref name="text"/>, trimmed, keeps the rule: at most <paramref name="maxLength"/> characters, at
    /// least one letter or digit, and <see cref="IsPlain"/>.
    /// </summary>
    public static bool Keeps(string? text, int maxLength) =>
        text?.Trim() is { Length: > 0 } trimmed && trimmed.Length <= maxLength && trimmed.Any(char.IsLetterOrDigit) && IsPlain(trimmed);

    /// <summary>
    /// Whether a person's name (typed for the profile, a Teams display name, a directory contact's) keeps the rule and
    /// <see cref="CheckPerson"/> finds nothing: it neither starts like a formula or a mention nor holds a web address.
    /// </summary>
    public static bool KeepsPersonName(string? text, int maxLength) =>
        Keeps(text, maxLength) && CheckPerson(text!) == PersonNameIssue.None;

    /// <summary>
    /// What a person's name holds that no person's name does (beyond <see cref="IsPlain"/>): a first character that a
    /// spreadsheet reads as a formula or a chat as a mention (<c>= + - @</c>, "=HYPERLINK(…)", "@everyone"), or a bare
    /// web address ("phish.example", "evil.com", "Ana evil.com", "evil.com/login", "t.co/abc") or an e-mail address
    /// ("ana@evil.com") — Teams makes one a link in a message. Organisation
    /// names are not held to it: the directory's are trusted, and the exports neutralise formulas.
    /// </summary>
    public static PersonNameIssue CheckPerson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20')
        {
            return PersonNameIssue.LeadingSymbol;
        }

        var issue = PersonNameIssue.None;
        foreach (var word in trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim(WordPunctuation);
            if (IsWebAddress(bare))
            {
                return PersonNameIssue.WebAddress;
            }

            if (IsEmailAddress(bare))
            {
                issue = PersonNameIssue.EmailAddress;
            }
        }

        return issue;
    }

    /// <summary>
    /// "ana@evil.com": something before an <c>@</c> and a host name after it — Teams makes it a mail link. An
    /// <c>@</c> alone or before a word ("Ana @ CITEVE") is no address.
    /// </summary>
    private static bool IsEmailAddress(string word)
    {
        var at = word.LastIndexOf('@');
        if (at <= 0 || at == word.Length - 1)
        {
            return false;
        }

        var domain = word[(at + 1)..];
        var pathStart = domain.AsSpan().IndexOfAny('/', '?', '#');
        return HostName().IsMatch(pathStart >= 0 ? domain[..pathStart] : domain);
    }

    /// <summary>
    /// A host name: labels of letters, digits and hyphens joined by dots, ending in a top-level domain — a two-letter
    /// country code (after a label of two characters or more: "J.Wu" and "A.Li" are initials and a surname), a
    /// punycode one, or one of the common generic ones. "Dr.", "J.R.R." and "St.John" are not.
    /// </summary>
    private static bool IsWebAddress(string word)
    {
        // A host followed by a path, a query or a fragment ("evil.com/login", "bit.ly/x", "t.co/abc", "evil.com/"):
        // with a path even a one-letter label before a country code is an address, not initials.
        var pathStart = word.AsSpan().IndexOfAny('/', '?', '#');
        if (pathStart > 0)
        {
            var host = word[..pathStart];
            var port = host.LastIndexOf(':');
            if (port > 0 && host[(port + 1)..].All(char.IsAsciiDigit))
            {
                host = host[..port];
            }

            if (IsHostName(host, initialsAllowed: false))
            {
                return true;
            }
        }

        // Any slash-separated part that is a host name on its own ("Ana/evil.com").
        return word.Split('/').Any(part => IsHostName(part.Trim(WordPunctuation), initialsAllowed: true));
    }

    private static bool IsHostName(string word, bool initialsAllowed)
    {
        var match = HostName().Match(word);
        if (!match.Success)
        {
            return false;
        }

        var labels = word.TrimEnd('.').Split('.');
        var top = labels[^1].ToLowerInvariant();
        if (top.StartsWith("xn--", StringComparison.Ordinal) || GenericTopLevelDomains.Contains(top))
        {
            return true;
        }

        return top.Length == 2 && top.All(char.IsAsciiLetter) && (!initialsAllowed || labels[^2].Length >= 2);
    }

    private static readonly char[] WordPunctuation = ['(', ')', '[', ']', ',', ';', ':', '"', '\'', '“', '”', '«', '»', '„', '!', '?'];

    private static readonly HashSet<string> GenericTopLevelDomains = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "asia", "tel", "travel", "jobs",
        "eu", "io", "ai", "app", "dev", "xyz", "online", "site", "website", "top", "shop", "store", "tech", "club", "live",
        "link", "click", "email", "cloud", "news", "blog", "web", "page", "wiki", "art", "design", "agency", "digital", "media",
        "network", "solutions", "services", "company", "global", "world", "zone", "space", "fun", "icu", "vip", "win", "bid",
        "loan", "work", "today", "life", "support", "help", "login", "secure", "bank", "example", "test", "invalid", "localhost",
        "local", "onion", "lat", "cat", "coop", "museum", "aero",
    };

    /// <summary>Nothing in <paramref name="text"/> that breaks the line, turns the text around, hides or formats (the rule without its length).</summary>
    public static bool IsPlain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !HoldsHiddenOrBreakingCharacter(text) && !HoldsFormatting(text) && !HoldsLink(text);
    }

    /// <summary>
    /// A control character, a line or paragraph separator, a format character other than ZWNJ and ZWJ (U+202A–202E,
    /// U+2066–2069, U+200E/F, U+200B, U+FEFF, U+00AD…), or half of a surrogate pair.
    /// </summary>
    public static bool HoldsHiddenOrBreakingCharacter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsHiddenOrBreaking(CharUnicodeInfo.GetUnicodeCategory(text, i), text[i]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsSurrogate(text[i]) || IsHiddenOrBreaking(CharUnicodeInfo.GetUnicodeCategory(text[i]), text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Markdown or HTML that would format on a card or in a message: <c>*</c>, <c>_</c>, <c>~</c>, <c>`</c>,
    /// <c>&lt;</c>, <c>&gt;</c>, an HTML entity (<c>&amp;#x202E;</c>), or a heading or list marker at the start.
    /// </summary>
    public static bool HoldsFormatting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny(FormattingCharacters) >= 0 || HtmlEntity().IsMatch(text) || BlockMarker().IsMatch(text);
    }

    /// <summary>
    /// A Markdown link (<c>[text](url)</c>), a URL or a <c>www.</c> address: "[Verify your account](https://…)" as a
    /// name would be a link in someone else's card. No person's or organisation's name holds one.
    /// </summary>
    public static bool HoldsLink(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("](", StringComparison.Ordinal)
            || text.Contains("://", StringComparison.Ordinal)
            || text.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || text.Contains("mailto:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A name as a card shows it (the text of a <c>TextRun</c> or a choice): names stored before the rule may hold
    /// what it now refuses, so the characters that break the line or turn the text around become spaces or go (ZWNJ
    /// and ZWJ stay); Markdown is left as it is, since a <c>TextRun</c> shows it literally.
    /// </summary>
    public static string ForCard(string? name)
    {
        if (string.IsNullOrEmpty(name) || !HoldsHiddenOrBreakingCharacter(name))
        {
            return name ?? "";
        }

        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                if (!IsHiddenOrBreaking(CharUnicodeInfo.GetUnicodeCategory(name, i), name[i]))
                {
                    builder.Append(name, i, 2);
                }

                i++;
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(name[i]);
            if (char.IsSurrogate(name[i]) || category == UnicodeCategory.Format && !IsJoiner(name[i]))
            {
                continue;
            }

            builder.Append(IsHiddenOrBreaking(category, name[i]) ? ' ' : name[i]);
        }

        return SpaceRun().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>
    /// A name as it goes into the text of a message (Teams renders Markdown there too): <see cref="ForCard"/>, with
    /// every character that Markdown or HTML reads escaped by a backslash — "Eve **Approved**" shows as typed.
    /// </summary>
    public static string ForMessage(string? name) => EscapeMarkdown(ForCard(name));

    /// <summary>
    /// A name as it goes into a plain-text message (<c>textFormat: plain</c>, <see cref="ConversationTurn.Plain"/>):
    /// Teams shows such text as typed, so nothing is escaped — a backslash would be shown — but what breaks the line
    /// or reverses the text goes, as on a card (<see cref="ForCard"/>).
    /// </summary>
    public static string ForPlainMessage(string? name) => ForCard(name);

    /// <summary>
    /// Backslash-escapes what Markdown and Teams' HTML subset read in running text: <c>\ * _ ~ ` &lt; &gt; [ ] #</c> and
    /// the <c>&amp;</c> of an HTML entity. Other punctuation ('.', '-', '(', '&amp;' alone…) only formats at a line's
    /// start or after one of those, so a name in a sentence keeps it as it is.
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(MarkdownCharacters) < 0 && !HtmlEntity().IsMatch(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (MarkdownCharacters.Contains(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return HtmlEntity().Replace(builder.ToString(), m => "\\" + m.Value);
    }

    private static readonly System.Buffers.SearchValues<char> FormattingCharacters = System.Buffers.SearchValues.Create("*_~`<>");

    private static readonly System.Buffers.SearchValues<char> MarkdownCharacters = System.Buffers.SearchValues.Create("\\*_~`<>[]#");

    private static bool IsHiddenOrBreaking(UnicodeCategory category, char first) => category switch
    {
        UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Format => !IsJoiner(first),
        UnicodeCategory.Surrogate => true,
        _ => false,
    };

    private static bool IsJoiner(char c) => c is ZeroWidthNonJoiner or ZeroWidthJoiner;

    [GeneratedRegex(@"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlEntity();

    // A heading ("# …"), a quote ("> …" — '>' is refused anyway), a bullet ("- …", "+ …") or a numbered item ("1. …").
    [GeneratedRegex(@"^\s*(#|[-+]\s|[0-9]+[.)](\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex BlockMarker();

    [GeneratedRegex(@" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceRun();

    // Labels of letters (any script), digits and inner hyphens, at least two, joined by dots; an optional trailing dot.
    [GeneratedRegex(@"^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();
}

/// <summary>What <see cref="NameRule.CheckPerson"/> found in a person's name.</summary>
internal enum PersonNameIssue
{
    None,

    /// <summary>It starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>: a formula in a spreadsheet, a mention in a chat.</summary>
    LeadingSymbol,

    /// <summary>It is, or holds, a web address ("evil.com", "evil.com/login", "bit.ly/x").</summary>
    WebAddress,

    /// <summary>It is, or holds, an e-mail address ("ana@evil.com").</summary>
    EmailAddress,
}
