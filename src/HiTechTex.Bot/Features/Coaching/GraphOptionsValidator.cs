using HiTechTex.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>Graph is all or nothing: a half-filled section stops the host with the missing keys named.</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var errors = new List<string>();
        var set = new[] { options.TenantId, options.ClientId, options.ClientSecret }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is > 0 and < 3)
        {
            errors.Add("Graph:TenantId, Graph:ClientId and Graph:ClientSecret must all be set (Graph on) or all be empty (Graph off, .ics files).");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            errors.Add("Graph:BaseUrl must be an absolute URL.");
        }

        // The client secret is POSTed there: never in clear over the network (http only to a local fake).
        if (options.TokenEndpoint.Length > 0 && !SecretBearingAddress.IsAllowed(options.TokenEndpoint))
        {
            errors.Add("Graph:TokenEndpoint must be an absolute https URL (http only on loopback).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add("Graph:RequestTimeout must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
