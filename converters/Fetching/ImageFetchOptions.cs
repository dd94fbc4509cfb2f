namespace Jat.Converters.Fetching;

/// <summary>
/// How the image fetcher behaves. The defaults follow img2dataset (10 s timeout) with what its users keep asking for:
/// per-host limits, a few retries on 429/503 that honour <c>Retry-After</c>, and a size cap.
/// </summary>
public sealed record ImageFetchOptions
{
    /// <summary>Downloads in flight at once, all hosts together (a body in hand waiting for its decoder counts too).</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Requests in flight to one host name: many CC3M images live on a few hosts, which answer a crowd with 429s.</summary>
    public int PerHost { get; init; } = 2;

    /// <summary>Allowed for one request, from sending it to the last byte of its body (each redirect hop and retry gets its own).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A body longer than this is abandoned as soon as it is known to be (its Content-Length, else while reading).</summary>
    public long MaxBytes { get; init; } = 10L * 1000 * 1000;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Further tries after a 429, a 503 or a network error; 0 is JAT's own behaviour.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>First wait before a retry when the server does not say how long; doubled on each further retry.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait worth spending on one image: a server asking (Retry-After) for more is given up on, since
    /// retrying sooner than it asks would be rude and waiting longer stalls the ordered output.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Allow requests to private, loopback and link-local addresses: off except for tests and local mirrors.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Which addresses <see cref="AllowPrivate"/> off refuses; tests narrow it to let loopback through and still check redirects.</summary>
    internal Func<System.Net.IPAddress, bool> IsForbidden { get; init; } = AddressPolicy.IsPrivate;

    internal void Check()
    {
        if (Concurrency < 1)
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "--concurrency must be at least 1");
        if (PerHost < 1)
            throw new ArgumentOutOfRangeException(nameof(PerHost), PerHost, "--per-host must be at least 1");
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "--timeout must be positive");
        if (MaxBytes < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, "--max-bytes must be positive");
        if (MaxRedirects < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxRedirects), MaxRedirects, "the redirect limit cannot be negative");
        if (Retries < 0)
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "--retries cannot be negative");
        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, "retry delays cannot be negative");
    }
}
