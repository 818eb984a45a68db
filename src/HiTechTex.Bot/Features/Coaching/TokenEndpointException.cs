using System.Net;
using System.Net.Http.Headers;

namespace HiTechTex.Bot.Features.Coaching;

/// <summary>
/// The Graph token endpoint answered an error status. Keeps its <c>Retry-After</c> (a 429 or 503 of the identity
/// platform sends one): the outbox waits that long, as it does for Graph's own, instead of its shorter back-off.
/// </summary>
internal sealed class TokenEndpointException(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    : HttpRequestException($"The token endpoint answered {(int)status}.", null, status)
{
    /// <summary>The answer's <c>Retry-After</c> as sent: seconds, or an HTTP date.</summary>
    public RetryConditionHeaderValue? RetryAfter { get; } = retryAfter;
}
