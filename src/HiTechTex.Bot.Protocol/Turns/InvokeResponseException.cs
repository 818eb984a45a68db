using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Turns;

/// <summary>
/// Thrown inside an invoke handler to answer with a specific status (e.g. 501 for an invoke the bot does not
/// implement). <see cref="ActivityHandler"/> turns it into the turn's <see cref="InvokeResponse"/>.
/// </summary>
public sealed class InvokeResponseException(int statusCode, object? body = null)
    : Exception($"The invoke is answered with status {statusCode}.")
{
    public int StatusCode { get; } = statusCode;

    public object? Body { get; } = body;

    public InvokeResponse ToInvokeResponse() => new(StatusCode, Body);
}
