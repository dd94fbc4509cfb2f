using System.Diagnostics;
using System.Globalization;
using Jat.Converters.ConceptualCaptions;
using Jat.Converters.Fetching;
using Jat.Converters.Images;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Jat.Benchmarks;

/// <param name="NormalizeOnlyImagesPerSecond">the same images through the 352-px PNG normaliser alone, on every core: the CPU's ceiling</param>
public sealed record ImageFetchBenchReport(int Images, long Rows, long Skipped, int Concurrency, long DownloadedBytes, long ShardBytes,
    double Seconds, double NormalizeOnlyImagesPerSecond, int Cores)
{
    public double ImagesPerSecond => Rows / Seconds;
    public double DownloadedMegabytesPerSecond => DownloadedBytes / 1e6 / Seconds;
    public double AverageImageKilobytes => DownloadedBytes / 1e3 / Math.Max(1, Images);
}

/// <summary>
/// <c>jat convert conceptual-captions</c> end to end against a web server on 127.0.0.1 serving distinct ~50 kB JPEGs
/// (500×375, about a CC3M photo): download, decode, resize to 352 px, PNG, shards. Loopback takes the network's
/// latency out, so this is the converter's own ceiling; the real web adds DNS, slow hosts and timeouts.
/// </summary>
public static class ImageFetchThroughput
{
    public static async Task<ImageFetchBenchReport> RunAsync(int images, int concurrency, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(images, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        progress?.Report($"making {images:N0} JPEGs");
        var jpegs = MakeJpegs(images);
        var scratch = Directory.CreateTempSubdirectory("jat-bench-cc-");
        try
        {
            await using var server = await ServeAsync(jpegs, ct).ConfigureAwait(false);
            var tsv = Path.Combine(scratch.FullName, "train.tsv");
            await File.WriteAllLinesAsync(tsv, Enumerable.Range(0, images).Select(i => string.Create(CultureInfo.InvariantCulture,
                $"a generated photo number {i}\t{server.Address}img/{i}.jpg")), ct).ConfigureAwait(false);
            var options = new ConceptualCaptionsOptions
            {
                // One host (127.0.0.1) serves everything, so the per-host limit is lifted to the global one.
                Fetch = new ImageFetchOptions { Concurrency = concurrency, PerHost = concurrency, AllowPrivate = true },
            };
            progress?.Report($"converting through http://127.0.0.1 ({concurrency} downloads at once, {Environment.ProcessorCount} cores)");
            var data = Path.Combine(scratch.FullName, "data");
            var clock = Stopwatch.StartNew();
            var report = await ConceptualCaptionsConverter.ConvertAsync(tsv, null, data, options, null, ct).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            var shardBytes = Directory.EnumerateFiles(Path.Combine(data, "conceptual-captions"), "*.parquet").Sum(f => new FileInfo(f).Length);
            progress?.Report("normalising the same images without the network");
            var normalizeOnly = NormalizeOnly(jpegs);
            return new ImageFetchBenchReport(images, report.TotalRows, report.TotalSkipped, concurrency, server.BytesServed, shardBytes,
                seconds, normalizeOnly, Environment.ProcessorCount);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Distinct photos-like JPEGs: smooth gradients with grain, so they compress like photos (~50 kB at quality 85).</summary>
    private static byte[][] MakeJpegs(int count)
    {
        var jpegs = new byte[count][];
        Parallel.For(0, count, i =>
        {
            var random = new Random(i);
            using var image = new Image<Rgb24>(500, 375);
            var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                    {
                        var grain = random.Next(-24, 25);
                        row[x] = new Rgb24(Clamp(r0 + x / 3 + grain), Clamp(g0 + y / 2 + grain), Clamp(b0 + (x + y) / 5 - grain));
                    }
                }
            });
            using var output = new MemoryStream();
            image.SaveAsJpeg(output, new JpegEncoder { Quality = 85 });
            jpegs[i] = output.ToArray();
        });
        return jpegs;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static double NormalizeOnly(byte[][] jpegs)
    {
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(jpegs, jpeg => ImageNormalizer.Normalize(jpeg, ImageEncoding.Png));
        return jpegs.Length / clock.Elapsed.TotalSeconds;
    }

    private static async Task<JpegServer> ServeAsync(byte[][] jpegs, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JpegServer(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/img/", StringComparison.Ordinal) && path.EndsWith(".jpg", StringComparison.Ordinal)
                && int.TryParse(path.AsSpan(5, path.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < jpegs.Length)
            {
                context.Response.ContentType = "image/jpeg";
                context.Response.ContentLength = jpegs[i].Length;
                await context.Response.Body.WriteAsync(jpegs[i], context.RequestAborted).ConfigureAwait(false);
                server.Served(jpegs[i].Length);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync(ct).ConfigureAwait(false);
        return server;
    }

    private sealed class JpegServer(WebApplication app) : IAsyncDisposable
    {
        private long _bytes;

        public Uri Address => new(app.Urls.First() + "/");

        public long BytesServed => Interlocked.Read(ref _bytes);

        public void Served(long bytes) => Interlocked.Add(ref _bytes, bytes);

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
