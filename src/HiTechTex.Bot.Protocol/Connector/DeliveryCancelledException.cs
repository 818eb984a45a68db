namespace HiTechTex.Bot.Protocol.Connector;

/// <summary>
/// A connector call (or a proactive send) stopped by its cancellation token — the host shutting down — at a point where
/// the connector has certainly not carried it out: before any request went out, or while waiting to retry after the
/// connector refused every attempt so far (429/412/5xx, which the client sends again for the same reason). A caller
/// that claimed the message may give the claim back: it was not delivered. A plain <see cref="OperationCanceledException"/>
/// stopped a request on the wire, whose outcome is unknown.
/// </summary>
public sealed class DeliveryCancelledException : OperationCanceledException
{
    public DeliveryCancelledException()
        : base("The send was stopped before the connector carried it out: nothing was delivered.")
    {
    }

    public DeliveryCancelledException(string message)
        : base(message)
    {
    }

    public DeliveryCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeliveryCancelledException(Exception innerException, CancellationToken cancellationToken)
        : base("The send was stopped before the connector carried it out: nothing was delivered.", innerException, cancellationToken)
    {
    }
}
