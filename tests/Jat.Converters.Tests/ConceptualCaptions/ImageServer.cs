using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jat.Converters.Tests.ConceptualCaptions;

/// <summary>
/// A web of image hosts on 127.0.0.1, each path answering one way: images, errors, a 429 that asks for a 1 s wait,
/// a body slower than the test's timeout, oversized bodies, a redirect loop, HTML, an opted-out image. It counts the
/// requests to every path and the most requests it ever served at once.
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    public const int OversizedBytes = 300_000;

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private ImageServer(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First() + "/");

    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>When each request to a path arrived (Stopwatch ticks), for checking retry waits.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<long>> Arrivals { get; } = new(StringComparer.Ordinal);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int RequestsTo(string path) => Requests.GetValueOrDefault(path);

    public int TotalRequests => Requests.Values.Sum();

    /// <summary>Delay added to every image answer: lets the per-host limit show in <see cref="MaxInFlight"/>.</summary>
    public TimeSpan ImageDelay { get; set; }

    public static async Task<ImageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ImageServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public ImageServer Route(string path, Func<HttpContext, Task> handler)
    {
        _routes[path] = handler;
        return this;
    }

    public ImageServer Image(string path, byte[] bytes, string contentType = "image/jpeg", string? robots = null) => Route(path, async context =>
    {
        if (ImageDelay > TimeSpan.Zero)
            await Task.Delay(ImageDelay, context.RequestAborted);
        if (robots is not null)
            context.Response.Headers["X-Robots-Tag"] = robots;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    });

    public ImageServer Status(string path, int status) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    /// <summary>Answers 429 with <c>Retry-After</c> the first <paramref name="times"/> requests, then the image.</summary>
    public ImageServer Busy(string path, byte[] bytes, int times = 1, int retryAfterSeconds = 1)
    {
        var remaining = times;
        var image = Image(path, bytes)._routes[path];
        return Route(path, context =>
        {
            if (Interlocked.Decrement(ref remaining) < 0)
                return image(context);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }

    /// <summary>Sends the headers and the first bytes of an image, then stalls (until the client gives up).</summary>
    public ImageServer Slow(string path, byte[] bytes, TimeSpan stall) => Route(path, async context =>
    {
        context.Response.ContentType = "image/jpeg";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, 100), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Task.Delay(stall, context.RequestAborted);
        await context.Response.Body.WriteAsync(bytes.AsMemory(100), context.RequestAborted);
    });

    /// <summary>An endless-looking body: declared up front, or streamed in chunks with no length said.</summary>
    public ImageServer Oversized(string path, bool declared) => Route(path, async context =>
    {
        context.Response.ContentType = "image/jpeg";
        if (declared)
            context.Response.ContentLength = OversizedBytes;
        var chunk = new byte[10_000];
        for (var sent = 0; sent < OversizedBytes; sent += chunk.Length)
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
    });

    public ImageServer Redirect(string path, string location, int status = 302) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public ImageServer Html(string path) => Route(path, context =>
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<!doctype html><html><body>Not found, but here is a page.</body></html>");
    });

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        Arrivals.GetOrAdd(path, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max)
                break;
        try
        {
            if (_routes.TryGetValue(path, out var handler))
                await handler(context);
            else
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (a timeout or an oversized body): nothing left to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
