using System.Net;

namespace Jat.Hub;

/// <summary>The Hub refused a request; the message says which, why (the server's words), and what to do.</summary>
public sealed class HubException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
