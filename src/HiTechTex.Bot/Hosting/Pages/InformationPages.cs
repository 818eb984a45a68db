using System.Globalization;
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
/// what the running bot does, not what some deployment might. Public (no token), GET and HEAD, no scripts, no
/// third-party resources, a strict Content-Security-Policy.
/// </summary>
internal static partial class InformationPages
{
    /// <summary>The pages: path, embedded template, title.</summary>
    public static readonly IReadOnlyList<(string Path, string Template, string Title)> All =
    [
        ("/", "home.html", "HiTechTex.Bot"),
        ("/privacy", "privacy.html", "Privacy notice — HiTechTex.Bot"),
        ("/terms", "terms.html", "Terms of use — HiTechTex.Bot"),
    ];

    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication MapInformationPages(this WebApplication app)
    {
        foreach (var (path, template, title) in All)
        {
            // Rendered on first request and kept: the options they show are read once at start-up.
            var page = new Lazy<byte[]>(() => Encoding.UTF8.GetBytes(Render(template, title, ValuesFrom(app.Services))));
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) => Serve(context, page.Value));
        }

        return app;
    }

    /// <summary>The values and switches the templates use, from this deployment's configuration.</summary>
    public static IReadOnlyDictionary<string, object> ValuesFrom(IServiceProvider services)
    {
        var privacy = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
        var expiry = services.GetRequiredService<IOptions<ConversationOptions>>().Value.DialogExpiry;
        var coaching = services.GetRequiredService<IOptions<CoachingOptions>>().Value;
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Operator"] = privacy.Operator,
            ["ContactEmail"] = privacy.ContactEmail,
            ["HasContact"] = !string.IsNullOrEmpty(privacy.ContactEmail),
            ["DialogExpires"] = expiry > TimeSpan.Zero,
            ["DialogExpiry"] = Duration(expiry),
            ["CoachingRetention"] = Duration(coaching.Retention),
            ["AzureOpenAI"] = services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.IsConfigured,
            ["Graph"] = services.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured,
            ["DeleteCommand"] = ConversationTexts.En.DeleteDataCommands[0],
            ["ProfileCommand"] = ConversationTexts.En.ProfileCommands[0],
        };
    }

    /// <summary>
    /// The page: the layout around the template, <c>{{#if Name}}…{{else}}…{{/if}}</c> kept or dropped by the switch
    /// <c>Name</c>, then every <c>{{Name}}</c> replaced by its value, HTML-encoded (attribute-safe). A name the values
    /// do not have is an error, not an empty string: a typo in a template fails its test.
    /// </summary>
    public static string Render(string template, string title, IReadOnlyDictionary<string, object> values)
    {
        var html = ReadTemplate("layout.html").Replace("<!--body-->", ReadTemplate(template), StringComparison.Ordinal);
        var all = new Dictionary<string, object>(values, StringComparer.Ordinal) { ["Title"] = title };
        html = Conditional().Replace(html, match => Switch(all, match.Groups["name"].Value)
            ? match.Groups["then"].Value
            : match.Groups["else"].Success ? match.Groups["else"].Value : "");
        return Placeholder().Replace(html, match => all.TryGetValue(match.Groups["name"].Value, out var value) && value is string text
            ? HtmlEncoder.Default.Encode(text)
            : throw new InvalidOperationException($"The page template {template} uses {{{{{match.Groups["name"].Value}}}}}, which has no text value."));
    }

    /// <summary>"7 days", "1 day", "12 hours", "90 minutes".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.Ticks % TimeSpan.TicksPerDay == 0 => Plural((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } when span.Ticks % TimeSpan.TicksPerHour == 0 => Plural((int)span.TotalHours, "hour"),
        _ => Plural((int)Math.Ceiling(span.TotalMinutes), "minute"),
    };

    private static string Plural(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");

    private static bool Switch(Dictionary<string, object> values, string name) =>
        values.TryGetValue(name, out var value) && value is bool on
            ? on
            : throw new InvalidOperationException($"A page template switches on {name}, which is not a switch.");

    private static Task Serve(HttpContext context, byte[] page)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        response.Headers.ContentLanguage = "en";
        response.Headers.CacheControl = "public, max-age=3600";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(page, context.RequestAborted).AsTask();
    }

    private static string ReadTemplate(string name)
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
