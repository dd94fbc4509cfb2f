using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Jat.Hub.Http;

/// <summary>
/// Which responses are worth another try, and how long to wait first: huggingface_hub's policy (408, 429 and 5xx
/// gateway errors; 1, 2, 4, 8, 8 s), honouring a server that says how long (<c>RateLimit</c> with nothing left, or
/// <c>Retry-After</c>) plus one second.
/// </summary>
internal static partial class RetryDelay
{
    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static TimeSpan Backoff(HubRetryOptions options, int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks << Math.Min(attempt, 16)));

    /// <summary>The wait a response asks for, if it asks for one.</summary>
    public static TimeSpan? Requested(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.TryGetValues("RateLimit", out var limits))
        {
            var match = RateLimit().Match(string.Join(",", limits));
            if (match.Success && match.Groups[1].Value == "0")
                return TimeSpan.FromSeconds(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1);
        }
        if (response.Headers.RetryAfter is { } after)
        {
            if (after.Delta is { } delta)
                return delta + TimeSpan.FromSeconds(1);
            if (after.Date is { } date)
                return (date - DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);
        }
        return null;
    }

    // RateLimit: "api";r=0;t=55
    [GeneratedRegex(@"r=(\d+);\s*t=(\d+)")]
    private static partial Regex RateLimit();
}
