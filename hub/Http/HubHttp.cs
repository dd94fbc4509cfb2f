using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace Jat.Hub.Http;

/// <summary>One retry as it happened: what failed and how long the client waits before the next try.</summary>
public sealed record RetryEvent(string Request, int Attempt, TimeSpan Delay, string Reason);

/// <summary>
/// Sends requests to the Hub (and to the storage URLs it hands out) through one retry pipeline. Requests are
/// built anew for each try, so bodies (file slices) are re-read from the start.
/// </summary>
internal sealed class HubHttp : IDisposable
{
    private readonly HttpClient _client;
    private readonly HubToken _token;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly int _tries;

    private readonly bool _reading;

    /// <param name="reading">the requests only read (a pull): errors then speak of read access, and a missing token is fine</param>
    public HubHttp(Uri endpoint, HubToken token, HubRetryOptions retry, Action<RetryEvent>? onRetry = null, HttpMessageHandler? handler = null,
        bool reading = false)
    {
        Endpoint = endpoint;
        _token = token;
        _reading = reading;
        _tries = retry.MaxRetries + 1;
        _client = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromMinutes(10),
        };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("jat", "0.1"));
        _retry = retry.MaxRetries <= 0 ? ResiliencePipeline<HttpResponseMessage>.Empty : new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, retry.MaxRetries),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TaskCanceledException>(e => e.InnerException is TimeoutException)
                    .HandleResult(r => RetryDelay.IsTransient(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    (args.Outcome.Result is { } response ? RetryDelay.Requested(response) : null) ?? RetryDelay.Backoff(retry, args.AttemptNumber)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception is { } e ? _token.Redact(e.Message) : $"{(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}";
                    onRetry?.Invoke(new RetryEvent(args.Context.Properties.GetValue(RequestKey, "request"), args.AttemptNumber + 1, args.RetryDelay, reason));
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<string> RequestKey = new("jat.request");

    public Uri Endpoint { get; }

    public HubToken Token => _token;

    /// <summary>Sends with retries, and turns a final failure into a <see cref="HubException"/> that never holds the token.</summary>
    /// <param name="create">builds the request; called once per try</param>
    /// <param name="authorize">adds the token: for the Hub's own API, never for presigned storage URLs</param>
    /// <param name="streamed">returns once the headers are in, the body still to read (a download); otherwise the body is read</param>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, bool authorize, string what, CancellationToken ct,
        bool streamed = false)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(RequestKey, what);
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(async c =>
            {
                using var request = create();
                // The redirect handler drops this header when it follows a redirect, so a storage host never sees it.
                if (authorize && !_token.IsNone)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Value);
                return await _client.SendAsync(request, streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                    c.CancellationToken).ConfigureAwait(false);
            }, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new HubException($"{what}: no answer from {Endpoint.Host} after {_tries} tries ({_token.Redact(e.Message)})", null, null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
            throw await FailureAsync(response, what, ct).ConfigureAwait(false);
    }

    private async Task<HubException> FailureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string? said = response.Headers.TryGetValues("X-Error-Message", out var header) ? header.FirstOrDefault() : null;
        if (said is null)
        {
            try { said = (string?)JsonNode.Parse(body)?["error"]; }
            catch (System.Text.Json.JsonException) { said = body.Length > 200 ? body[..200] : body; }
        }
        var id = response.Headers.TryGetValues("X-Request-Id", out var ids) ? $" (request id {ids.First()})" : "";
        var advice = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized when _token.IsNone => "; the repository is private, gated or missing: pass --token or set HF_TOKEN if you may read it",
            HttpStatusCode.Unauthorized => $"; the token ({_token.Source}) was refused: check that it is valid and has {(_reading ? "read" : "write")} access",
            HttpStatusCode.Forbidden => _reading ? "; the token may not read this repository (a gated dataset needs its terms accepted on the Hub)" : "; the token may not write to this repository or organisation",
            HttpStatusCode.NotFound => "; check the repository name and revision",
            _ when RetryDelay.IsTransient(response.StatusCode) => $"; gave up after {_tries} tries: run the same command again to resume",
            _ => "",
        };
        var message = $"{what}: the Hub answered {(int)response.StatusCode} {response.ReasonPhrase}{(string.IsNullOrWhiteSpace(said) ? "" : $": {said}")}{advice}{id}";
        return new HubException(_token.Redact(message), response.StatusCode);
    }

    public void Dispose() => _client.Dispose();
}
