using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using HiTechTex.Bot.Features.Coaching;
using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Language;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting.Pages;

/// <summary>
/// The three pages the Teams app manifest links to (<c>developer.websiteUrl</c>, <c>privacyUrl</c>,
/// <c>termsOfUseUrl</c>): <c>/</c>, <c>/privacy</c> and <c>/terms</c>. Teams shows them in the app's details; an
/// admin reviewing the app and a user asking "what does this bot keep about me?" open them. They are HTML templates
/// embedded in the assembly (<c>Hosting/Pages/*.html</c>, editable as plain HTML) filled with what this deployment is
/// configured to do — who operates it (<see cref="PrivacyOptions"/>), whether Azure OpenAI reads messages, whether
/// sessions are Teams meetings through Microsoft Graph, how long unfinished conversations are kept — so the notice says
/// what the running bot does, not what some deployment might. In the partnership's six languages
/// (<see cref="PageLanguage"/>: <c>?lang=</c>, else the browser's <c>Accept-Language</c>, else English; a translation
/// says the English version prevails). Public (no token), GET and HEAD, no scripts, no third-party resources, a strict
/// Content-Security-Policy.
/// </summary>
internal static partial class InformationPages
{
    /// <summary>The pages: path and template (<c>{page}.html</c> in English, <c>{page}.{language}.html</c> translated).</summary>
    public static readonly IReadOnlyList<(string Path, string Page)> All =
    [
        ("/", "home"),
        ("/privacy", "privacy"),
        ("/terms", "terms"),
    ];

    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapInformationPages(this WebApplication app)
    {
        foreach (var (path, page) in All)
        {
            // Rendered on the first request for a language and kept: the options they show are read once at start-up.
            var rendered = new System.Collections.Concurrent.ConcurrentDictionary<PageLanguage, byte[]>();
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                var language = PageLanguage.Negotiate(context.Request.Query["lang"], context.Request.Headers.AcceptLanguage);
                var html = rendered.GetOrAdd(language, l => Encoding.UTF8.GetBytes(Render(page, path, l, ValuesFrom(app.Services, l))));
                return Serve(context, html, language);
            });
        }

        return app;
    }

    /// <summary>The values and switches the templates use, from this deployment's configuration, said in a language.</summary>
    public static IReadOnlyDictionary<string, object> ValuesFrom(IServiceProvider services, PageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var privacy = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var expiry = services.GetRequiredService<IOptions<ConversationOptions>>().Value.DialogExpiry;
        var coaching = services.GetRequiredService<IOptions<CoachingOptions>>().Value;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Operator"] = privacy.Operator,
            ["ContactEmail"] = privacy.ContactEmail,
            ["HasContact"] = !string.IsNullOrEmpty(privacy.ContactEmail),
            ["DialogExpires"] = expiry > TimeSpan.Zero,
            ["DialogExpiry"] = language.Duration(expiry),
            ["CoachingRetention"] = language.Duration(coaching.Retention),
            ["AzureOpenAI"] = services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.IsConfigured,
            ["Graph"] = services.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured,
        };
    }

    /// <summary>
    /// The page: the layout around the template, <c>{{#if Name}}…{{else}}…{{/if}}</c> kept or dropped by the switch
    /// <c>Name</c>, then every <c>{{Name}}</c> replaced by its value, HTML-encoded (attribute-safe). A name the values
    /// do not have is an error, not an empty string: a typo in a template fails its test.
    /// </summary>
    public static string Render(string page, string path, PageLanguage language, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(language);
        var template = TemplateOf(page, language);
        var html = ReadTemplate("layout.html").Replace("<!--body-->", ReadTemplate(template), StringComparison.Ordinal);
        var all = new Dictionary<string, object>(values, StringComparer.Ordinal)
        {
            ["Lang"] = language.Code,
            ["Title"] = language.TitleOf(page),
            ["Partnership"] = language.Partnership,
            ["NavAbout"] = language.About,
            ["NavPrivacy"] = language.PrivacyNotice,
            ["NavTerms"] = language.TermsOfUse,
            ["OperatedBy"] = language.OperatedBy,
            ["Translated"] = language.IsTranslation,
            ["TranslationNote"] = language.TranslationNote,
            ["Path"] = path,

            // The links between the pages keep the language, also English chosen over the browser's.
            ["LinkSuffix"] = "?lang=" + language.Code,
        };
        html = Conditional().Replace(html, match => Switch(all, match.Groups["name"].Value)
            ? match.Groups["then"].Value
            : match.Groups["else"].Success ? match.Groups["else"].Value : "");
        return Placeholder().Replace(html, match => all.TryGetValue(match.Groups["name"].Value, out var value) && value is string text
            ? HtmlEncoder.Default.Encode(text)
            : throw new InvalidOperationException($"The page template {template} uses {{{{{match.Groups["name"].Value}}}}}, which has no text value."));
    }

    /// <summary>The embedded template of a page in a language: <c>privacy.html</c> (English), <c>privacy.pt.html</c>.</summary>
    public static string TemplateOf(string page, PageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.IsTranslation ? $"{page}.{language.Code}.html" : $"{page}.html";
    }

    private static bool Switch(Dictionary<string, object> values, string name) =>
        values.TryGetValue(name, out var value) && value is bool on
            ? on
            : throw new InvalidOperationException($"A page template switches on {name}, which is not a switch.");

    private static Task Serve(HttpContext context, byte[] page, PageLanguage language)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        response.Headers.ContentLanguage = language.Code;
        response.Headers.Vary = "Accept-Language";
        response.Headers.CacheControl = "public, max-age=3600";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    internal static string ReadTemplate(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"HiTechTex.Bot.Hosting.Pages.{name}")
            ?? throw new InvalidOperationException($"The page template {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{#if (?<name>\w+)\}\}(?<then>.*?)(?:\{\{else\}\}(?<else>.*?))?\{\{/if\}\}", RegexOptions.Singleline)]
    private static partial Regex Conditional();

    [GeneratedRegex(@"\{\{(?<name>\w+)\}\}")]
    private static partial Regex Placeholder();
}
