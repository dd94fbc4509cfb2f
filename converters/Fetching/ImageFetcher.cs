using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly;
using Polly.Retry;

namespace Jat.Converters.Fetching;

/// <summary>What became of one URL: the caller's value made from the body, or why there is none (e.g. "http 404").</summary>
internal readonly record struct Fetched<T>(T? Value, string? Failure, long Bytes)
{
    public static Fetched<T> Failed(string reason) => new(default, reason, 0);
}

/// <summary>
/// Downloads images from the open web, politely and defensively: a global and a per-host limit, a timeout over the
/// whole body, a size cap, manual redirects (each target checked again), retries on 429/503 and network errors
/// that honour <c>Retry-After</c>, img2dataset's <c>X-Robots-Tag: noai</c> opt-out, and no connection ever made
/// to a private, loopback or link-local address unless allowed (the check sits in the connection callback, so it
/// sees exactly the addresses connected to, redirects included, and DNS cannot answer differently in between).
/// </summary>
internal sealed class ImageFetcher : IDisposable
{
    /// <summary>Our crawler name: in the user agent, and what a scoped <c>X-Robots-Tag</c> must name to address us.</summary>
    public const string UserAgentToken = "jat";

    public static readonly ProductInfoHeaderValue[] UserAgent =
    [
        new("Jat", "0.1"),
        new($"(compatible; {UserAgentToken}; image fetcher of the JAT dataset converter; +https://huggingface.co/datasets/jat-project/jat-dataset)"),
    ];

    private readonly ImageFetchOptions _options;
    private readonly HttpClient _client;
    private readonly SemaphoreSlim _slots;
    private readonly HostGates _hosts;
    private readonly ResiliencePipeline<Hop> _retry;

    /// <param name="onRetry">told of every retry (URL, reason, wait), for a verbose log</param>
    public ImageFetcher(ImageFetchOptions options, Action<string>? onRetry = null)
    {
        options.Check();
        _options = options;
        _slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _hosts = new HostGates(options.PerHost);
        var forbidden = options.AllowPrivate ? null : options.IsForbidden;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy would be the address connected to, and the private-address check would only see the proxy.
            UseProxy = false,
            // MaxBytes then bounds the decompressed body: a gzip bomb is cut off like any oversized body.
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = options.PerHost,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(20),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, forbidden, ct),
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        foreach (var product in UserAgent)
            _client.DefaultRequestHeaders.UserAgent.Add(product);
        _client.DefaultRequestHeaders.Accept.ParseAdd("image/*;q=0.9,*/*;q=0.5");
        _retry = options.Retries == 0 ? ResiliencePipeline<Hop>.Empty : new ResiliencePipelineBuilder<Hop>()
            .AddRetry(new RetryStrategyOptions<Hop>
            {
                MaxRetryAttempts = options.Retries,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Transient: true } hop
                    && (hop.RetryAfter is not { } asked || asked <= options.MaxRetryDelay)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Result?.RetryAfter ?? Backoff(options, args.AttemptNumber)),
                OnRetry = args =>
                {
                    onRetry?.Invoke($"{args.Context.Properties.GetValue(UrlKey, "?")}: {args.Outcome.Result?.Failure}; try {args.AttemptNumber + 2} in {args.RetryDelay.TotalSeconds:0.##} s");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<string> UrlKey = new("jat.url");

    private static TimeSpan Backoff(ImageFetchOptions options, int attempt) =>
        TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryDelay.Ticks << Math.Min(attempt, 16)));

    /// <summary>
    /// Fetches <paramref name="url"/> and hands its body to <paramref name="use"/>, which runs while the download slot
    /// is still held: so bodies waiting for a busy CPU hold back further downloads, and raw bodies in memory never
    /// exceed <see cref="ImageFetchOptions.Concurrency"/>. Expected failures come back as a reason; exceptions
    /// thrown by <paramref name="use"/> and cancellation by <paramref name="ct"/> propagate.
    /// </summary>
    public async Task<Fetched<T>> FetchAsync<T>(Uri url, Func<byte[], CancellationToken, ValueTask<T>> use, CancellationToken ct)
    {
        HashSet<string>? visited = null;
        for (var hop = 0; ; hop++)
        {
            if (url.Scheme is not ("http" or "https"))
                return Fetched<T>.Failed(hop == 0 ? "not an http(s) URL" : "bad redirect");
            var result = await SendAsync(url, ct).ConfigureAwait(false);
            if (result.Failure is { } failure)
                return Fetched<T>.Failed(failure);
            if (result.Redirect is { } next)
            {
                visited ??= new HashSet<string>(StringComparer.Ordinal) { Key(url) };
                if (!visited.Add(Key(next)))
                    return Fetched<T>.Failed("redirect loop");
                if (hop >= _options.MaxRedirects)
                    return Fetched<T>.Failed("too many redirects");
                url = next;
                continue;
            }
            // The attempt that got the body kept its download slot for us; it is released once the body is used.
            try
            {
                return new Fetched<T>(await use(result.Body!, ct).ConfigureAwait(false), null, result.Body!.Length);
            }
            finally
            {
                _slots.Release();
            }
        }
    }

    private static string Key(Uri url) => url.GetLeftPart(UriPartial.Query);

    /// <summary>One hop (no redirects followed), retried as the policy says.</summary>
    private async Task<Hop> SendAsync(Uri url, CancellationToken ct)
    {
        using var host = _hosts.Enter(url.IdnHost);
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(UrlKey, url.OriginalString);
        try
        {
            return await _retry.ExecuteAsync(
                static (c, state) => new ValueTask<Hop>(state.Fetcher.AttemptAsync(state.Url, state.Host, c.CancellationToken)),
                context, (Fetcher: this, Url: url, Host: host)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One request. A successful one returns still holding a download slot (see <see cref="FetchAsync{T}"/>).</summary>
    private async Task<Hop> AttemptAsync(Uri url, HostGates.Lease host, CancellationToken ct)
    {
        // Queueing for a slot is not the server's time: the timeout starts once both slots are taken.
        await host.WaitAsync(ct).ConfigureAwait(false);
        var keepSlot = false;
        try
        {
            await _slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.Timeout);
                var hop = await RequestAsync(url, host, timeout.Token, ct).ConfigureAwait(false);
                keepSlot = hop.Body is not null;
                return hop;
            }
            finally
            {
                if (!keepSlot)
                    _slots.Release();
            }
        }
        finally
        {
            host.Release();
        }
    }

    private async Task<Hop> RequestAsync(Uri url, HostGates.Lease host, CancellationToken timeout, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
                return response.Headers.Location is { } location && Uri.TryCreate(url, location, out var next)
                    ? Hop.Redirected(next)
                    : Hop.Failed($"http {status}");
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                var asked = RetryAfter(response);
                // A wait longer than we would ever retry after is not imposed on the host's other requests either.
                if (asked is { } pause && pause <= _options.MaxRetryDelay)
                    host.Pause(pause);
                return Hop.Failed($"http {status}", transient: true, asked);
            }
            if (!response.IsSuccessStatusCode)
                return Hop.Failed($"http {status}");
            // img2dataset's rule: checked on the headers, before the body is read.
            if (response.Headers.TryGetValues("X-Robots-Tag", out var robots) && RobotsTag.Forbids(robots, UserAgentToken))
                return Hop.Failed("noai");
            var body = await ReadBodyAsync(response.Content, timeout).ConfigureAwait(false);
            return body is null ? Hop.Failed("too large") : Hop.Succeeded(body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Not retried: a server too slow for the whole timeout is rarely faster a second later, and each retry
            // would hold up the ordered output for another full timeout.
            return Hop.Failed("timeout");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Classify(e);
        }
    }

    /// <returns>the body, or null once it is known to be longer than the limit</returns>
    private async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken ct)
    {
        var limit = _options.MaxBytes;
        // Content-Length is gone when the body is decompressed on the fly; then only the bytes read count.
        var declared = content.Headers.ContentLength;
        if (declared > limit)
            return null;
        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } length)
            {
                var exact = new byte[length];
                await stream.ReadExactlyAsync(exact, ct).ConfigureAwait(false);
                return exact;
            }
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                    return null;
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } after)
            return null;
        if (after.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (after.Date is { } date)
            return date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    /// <summary>Network failures by cause: a private address or a dead name are final; a refused or dropped connection may pass.</summary>
    private static Hop Classify(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PrivateAddressException:
                    return Hop.Failed("private address");
                case AuthenticationException:
                    return Hop.Failed("tls error");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData }:
                    return Hop.Failed("dns");
                case SocketException { SocketErrorCode: SocketError.TryAgain }:
                    return Hop.Failed("dns", transient: true);
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return Hop.Failed("connection refused", transient: true);
            }
        }
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            return Hop.Failed("dns");
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
            return Hop.Failed("tls error");
        return Hop.Failed("network error", transient: true);
    }

    /// <summary>Connects to the addresses the host resolves to, after checking every one of them (IPv4 and IPv6).</summary>
    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, Func<IPAddress, bool>? forbidden, CancellationToken ct)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        if (addresses.Length == 0)
            throw new SocketException((int)SocketError.HostNotFound);
        if (forbidden is not null && Array.Find(addresses, a => forbidden(a)) is { } blocked)
            throw new PrivateAddressException(host, blocked);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endpoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }

    /// <summary>The outcome of one hop: a body, a redirect, or a failure (transient ones are retried).</summary>
    private sealed record Hop(byte[]? Body, Uri? Redirect, string? Failure, bool Transient, TimeSpan? RetryAfter)
    {
        public static Hop Succeeded(byte[] body) => new(body, null, null, false, null);

        public static Hop Redirected(Uri next) => new(null, next, null, false, null);

        public static Hop Failed(string reason, bool transient = false, TimeSpan? retryAfter = null) => new(null, null, reason, transient, retryAfter);
    }
}
