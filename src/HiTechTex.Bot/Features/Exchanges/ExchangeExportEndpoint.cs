using System.Globalization;
using System.Text;
using HiTechTex.Bot.Hosting.Pages;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>
/// <c>GET /exchanges/export.csv?e={expiry}&amp;s={signature}</c>: the coordinator's CSV export, made when it is fetched
/// (it shows the applications as they are at download time). No Teams token (a browser opens it), so the link is the
/// permission: signed by <see cref="ExchangeExportLinks"/> for a coordinator, for a few minutes. A missing, forged or
/// altered signature, or one made for something else, gets 404 and an expired one 410, each with a short page saying so
/// and what to do (<see cref="LinkRefusalPage"/>, in the link's language), without a byte of the data. The labels
/// are in the coordinator's language, signed into the link (<c>l=</c>). UTF-8
/// with a byte-order mark, so that Excel reads the accents of "Guimarães" or "Technické" right. Added by a startup
/// filter so the feature stays in its folder.
/// </summary>
internal sealed class ExchangeExportEndpoint : IStartupFilter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(ExchangeExportLinks.Path, branch => branch.Run(ServeAsync));
        next(app);
    };

    internal static async Task ServeAsync(HttpContext context)
    {
        var isHead = HttpMethods.IsHead(context.Request.Method);
        if (!HttpMethods.IsGet(context.Request.Method) && !isHead)
        {
            LinkRefusalPage.MethodNotAllowed(context);
            return;
        }

        var language = context.Request.Query["l"].ToString();

        // Map matches the path as a prefix: /exchanges/export.csv/anything is not the export.
        if (context.Request.Path.HasValue && context.Request.Path.Value != "/")
        {
            await LinkRefusalPage.NotValidAsync(context, language).ConfigureAwait(false);
            return;
        }

        var links = context.RequestServices.GetRequiredService<ExchangeExportLinks>();
        var logger = context.RequestServices.GetRequiredService<ILogger<ExchangeExportEndpoint>>();
        var check = links.Check(context.Request.Query["e"].ToString(), context.Request.Query["s"].ToString(), language);
        if (check == ExportLinkCheck.Expired)
        {
            // Only a link the bot signed gets here: saying it expired tells nothing to whoever did not get one.
            Log.ExportRefused(logger, check.ToString());
            await LinkRefusalPage.WriteAsync(context, StatusCodes.Status410Gone, language, (t, l) => (
                t.ExpiredTitle,
                string.Format(CultureInfo.InvariantCulture, t.ExportExpiredFormat, l.Duration(links.Lifetime), ExchangeTexts.Resolve(t.Code).ExportCommands[0]))).ConfigureAwait(false);
            return;
        }

        if (check != ExportLinkCheck.Valid)
        {
            Log.ExportRefused(logger, check.ToString());
            await LinkRefusalPage.NotValidAsync(context, language).ConfigureAwait(false);
            return;
        }

        var reports = context.RequestServices.GetRequiredService<ExchangeReports>();
        var clock = context.RequestServices.GetRequiredService<ExchangeClock>();
        var csv = await reports.CsvAsync(ExchangeTexts.Resolve(language), context.RequestAborted).ConfigureAwait(false);
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        Log.ExportServed(logger, body.Length);

        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"exchanges-{clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv\"";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (!isHead)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
