using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace HiTechTex.Bot.Hosting.Pages;

/// <summary>
/// What a browser gets for a signed link the bot refuses (the calendar file, the CSV export): a small HTML page saying
/// what happened and what to do, instead of an empty 404 the browser shows as its own "not found". In the link's
/// language (its <c>l=</c>, when it has one and it is one of the six), else the browser's <c>Accept-Language</c>, else
/// English (<see cref="PageLanguage.Negotiate"/>). Only constant texts: nothing of the path, query or headers is put
/// into the page (the language only chooses among the six). The status says no more than the page: 404 for anything
/// not signed by the bot (tampered, unknown, another kind of link), 410 for a correctly signed link whose time is over.
/// No scripts, no resources, a strict Content-Security-Policy, not cached, not framed, no referrer (the address holds the
/// signature). HEAD gets the status and headers without the body.
/// </summary>
internal static class LinkRefusalPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // UTF-8 as it is ("ligação", not "liga&#xE7;&#xE3;o"); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>"This link is not valid" (404).</summary>
    public static Task NotValidAsync(HttpContext context, string? linkLanguage = null) =>
        WriteAsync(context, StatusCodes.Status404NotFound, linkLanguage, (t, _) => (t.InvalidTitle, t.Invalid));

    /// <summary>
    /// Writes the page: <paramref name="say"/> picks the title and the text from the texts of the negotiated language
    /// (and may say a duration in it through the <see cref="PageLanguage"/>).
    /// </summary>
    public static async Task WriteAsync(
        HttpContext context, int statusCode, string? linkLanguage, Func<LinkPageTexts, PageLanguage, (string Title, string Text)> say)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(say);
        var language = PageLanguage.Negotiate(linkLanguage, context.Request.Headers.AcceptLanguage);
        var (title, text) = say(LinkPageTexts.Of(language.Code), language);
        var page = Encoding.UTF8.GetBytes(Render(language.Code, title, text));

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = page.Length;
        response.Headers.ContentLanguage = language.Code;
        response.Headers.Vary = "Accept-Language";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>405 with <c>Allow: GET, HEAD</c>, no body: a browser only ever GETs these links.</summary>
    public static void MethodNotAllowed(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        context.Response.Headers.CacheControl = "no-store";
    }

    internal static string Render(string code, string title, string text) => $$"""
        <!DOCTYPE html>
        <html lang="{{Encoder.Encode(code)}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex">
        <title>{{Encoder.Encode(title)}} — HiTechTex.Bot</title>
        <style>
          body { margin: 0; font: 16px/1.55 "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; background: #f5f7f8; }
          header { background: #1f6f8b; color: #fff; padding: 1.25rem 1rem; font-weight: 600; }
          main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; background: #fff; }
          h1 { font-size: 1.5rem; line-height: 1.25; margin-top: 0; }
        </style>
        </head>
        <body>
        <header>HiTechTex.Bot</header>
        <main>
        <h1>{{Encoder.Encode(title)}}</h1>
        <p>{{Encoder.Encode(text)}}</p>
        </main>
        </body>
        </html>
        """;
}
