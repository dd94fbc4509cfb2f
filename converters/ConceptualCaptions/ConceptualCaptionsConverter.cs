using System.Globalization;
using Jat.Converters.Fetching;
using Jat.Converters.Images;
using Jat.Schema.Card;
using Jat.Schema.Columns;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;
using SixLabors.ImageSharp;

namespace Jat.Converters.ConceptualCaptions;

public sealed record ConceptualCaptionsOptions
{
    public ImageFetchOptions Fetch { get; init; } = new();

    /// <summary>Read only the first N lines of each input (a quick trial).</summary>
    public long? Limit { get; init; }

    /// <summary>
    /// Lines in flight, from fetch to their turn to be written; null for max(256, 16 × concurrency). Output is in input
    /// order, so one slow URL holds the lines after it: the window must cover what arrives during a timeout. Finished
    /// lines wait as 352-px PNGs (at most ~370 kB each), so memory stays under ~100 MB for the default.
    /// </summary>
    public int? Window { get; init; }

    public ShardWriterOptions? Writer { get; init; }

    /// <summary>Told of each skipped line (file, line number, reason) and each retry: a verbose log.</summary>
    public Action<string>? Log { get; init; }

    internal int WindowSize => Window ?? Math.Max(256, 16 * Fetch.Concurrency);
}

/// <summary>How far a conversion has gone in the split it is on; counts are of this run (a resumed run starts at 0).</summary>
/// <param name="Line">the last input line handled (written, skipped, or passed over on resume)</param>
/// <param name="TotalLines">lines in the input (up to the limit)</param>
/// <param name="Bytes">image bytes downloaded</param>
public readonly record struct CaptionsProgress(string Split, long Line, long TotalLines, long Rows, long Failed, long Bytes);

/// <summary>
/// <c>jat convert conceptual-captions</c>: Conceptual Captions TSVs (train, and validation as JAT's <c>test</c>) into the
/// <c>conceptual-captions</c> config: each image downloaded, normalised as JAT did (352 px, RGB, PNG) and stored
/// with its caption. Lines whose image cannot be had are skipped and counted by reason.
/// </summary>
/// <remarks>
/// Downloads run concurrently, but rows are written in input order through a bounded window, each with its line
/// number as the writer's cursor; a resumed run starts after the last committed line. Lines skipped after the last
/// committed row are tried again on resume.
/// </remarks>
public static class ConceptualCaptionsConverter
{
    /// <summary>PIL's <c>MAX_IMAGE_PIXELS</c>: JAT's PIL refused larger images, and decoding them would take gigabytes.</summary>
    internal const long MaxPixels = 89_478_485;

    public static async Task<ConversionReport> ConvertAsync(string train, string? validation, string root, ConceptualCaptionsOptions options,
        IProgress<CaptionsProgress>? progress = null, CancellationToken ct = default)
    {
        options.Fetch.Check();
        if (options.WindowSize < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.Window, "the window must hold at least one line");
        var inputs = new List<(string Split, string Path)> { ("train", train) };
        if (validation is not null)
            inputs.Add(("test", validation));
        foreach (var (_, path) in inputs)
            if (!File.Exists(path))
                throw new FileNotFoundException($"no Conceptual Captions TSV at {path} (caption<TAB>url per line, e.g. Train_GCC-training.tsv)", path);
        var task = TaskRegistry.Get("conceptual-captions");
        DatasetNotes.Claim(root, task.Name, Provenance);
        var skipped = new SkipCounter();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var fetcher = new ImageFetcher(options.Fetch, options.Log);
        using var cpu = new SemaphoreSlim(Environment.ProcessorCount, Environment.ProcessorCount);
        foreach (var (split, path) in inputs)
        {
            var writer = await ShardWriter.OpenAsync(root, task, split, options.Writer, ct).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                if (!writer.IsComplete)
                {
                    await new SplitRun(split, path, writer, fetcher, cpu, options, skipped, progress).RunAsync(ct).ConfigureAwait(false);
                    await writer.CompleteAsync(ct).ConfigureAwait(false);
                }
                rows[split] = writer.CommittedRows;
            }
        }
        return new ConversionReport(task.Name, rows, skipped.Snapshot());
    }

    /// <summary>What the card says the rows are; fetch settings are left out, since a resume may change them.</summary>
    public const string Provenance =
        "Conceptual Captions (CC3M) caption/URL TSVs (train → train, validation → test), each image downloaded from its URL, 352 px PNG; lines whose image could not be had are left out";


    /// <summary>What became of one line: a row to write, or a skip reason.</summary>
    private readonly record struct Outcome(long Line, string? Caption, byte[]? Png, string? Failure, string? Detail, long Bytes);

    private sealed class SplitRun(string split, string path, ShardWriter writer, ImageFetcher fetcher, SemaphoreSlim cpu,
        ConceptualCaptionsOptions options, SkipCounter skipped, IProgress<CaptionsProgress>? progress)
    {
        private long _rows;
        private long _failed;
        private long _bytes;
        private long _total;

        public async Task RunAsync(CancellationToken ct)
        {
            var resumeAfter = writer.CommittedCursor is { } cursor ? long.Parse(cursor, CultureInfo.InvariantCulture) : 0;
            _total = CaptionsTsv.CountLines(path, options.Limit);
            var size = options.WindowSize;
            var window = new Queue<Task<Outcome>>(size);
            // Stops the fetches still in flight when the run ends early (cancelled, or a write failed).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                await foreach (var (number, line) in CaptionsTsv.ReadAsync(path, ct).ConfigureAwait(false))
                {
                    if (options.Limit is { } limit && number > limit)
                        break;
                    if (number <= resumeAfter)
                    {
                        if (number == resumeAfter)
                            Report(number);
                        continue;
                    }
                    window.Enqueue(ProcessAsync(number, line, stop.Token));
                    if (window.Count >= size)
                        await WriteAsync(await window.Dequeue().ConfigureAwait(false), ct).ConfigureAwait(false);
                }
                while (window.Count > 0)
                    await WriteAsync(await window.Dequeue().ConfigureAwait(false), ct).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                // The fetcher and the CPU gate must outlive every fetch; their outcomes no longer matter.
                foreach (var pending in window)
                {
                    try
                    {
                        await pending.ConfigureAwait(false);
                    }
                    catch (Exception)
                    {
                        // Cancelled with the run; whatever else one might say is moot once the run has failed.
                    }
                }
            }
        }

        private async ValueTask WriteAsync(Outcome outcome, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (outcome.Png is { } png)
            {
                await writer.WriteAsync(new Example { Image = png, Text = outcome.Caption },
                    outcome.Line.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
                _rows++;
            }
            else
            {
                skipped.Add(outcome.Failure!);
                _failed++;
                options.Log?.Invoke($"{path}:{outcome.Line}: {outcome.Failure}{(outcome.Detail is { } d ? $": {d}" : "")}");
            }
            _bytes += outcome.Bytes;
            Report(outcome.Line);
        }

        private void Report(long line) => progress?.Report(new CaptionsProgress(split, line, _total, _rows, _failed, _bytes));

        private async Task<Outcome> ProcessAsync(long number, string line, CancellationToken ct)
        {
            if (CaptionsTsv.Parse(line, out var problem) is not { } entry)
                return new Outcome(number, null, null, "bad line", problem, 0);
            var fetched = await fetcher.FetchAsync(entry.Url, (body, token) => NormalizeAsync(body, token), ct).ConfigureAwait(false);
            if (fetched.Failure is { } failure)
                return new Outcome(number, null, null, failure, entry.Url.OriginalString, fetched.Bytes);
            var (png, reason) = fetched.Value;
            return new Outcome(number, entry.Caption, png, reason, reason is null ? null : entry.Url.OriginalString, fetched.Bytes);
        }

        /// <summary>JAT's 352-px PNG, on at most one image per core: decoding is what the CPU spends its time on.</summary>
        private async ValueTask<(byte[]? Png, string? Failure)> NormalizeAsync(byte[] body, CancellationToken ct)
        {
            await cpu.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (TooManyPixels(body))
                    return (null, "too many pixels");
                return (ImageNormalizer.Normalize(body, ImageEncoding.Png), null);
            }
            catch (InvalidImageException e)
            {
                return (null, e.InnerException is UnknownImageFormatException ? "not an image" : "damaged image");
            }
            finally
            {
                cpu.Release();
            }
        }

        /// <summary>Reads the header only: a small file can declare a picture that would take gigabytes to decode.</summary>
        private static bool TooManyPixels(byte[] body)
        {
            try
            {
                return Image.Identify(body) is { } info && (long)info.Width * info.Height > MaxPixels;
            }
            catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException or InvalidDataException)
            {
                // The decoder will say what is wrong with it.
                return false;
            }
        }
    }
}
