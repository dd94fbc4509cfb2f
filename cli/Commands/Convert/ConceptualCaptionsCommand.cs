using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Converters;
using Jat.Converters.ConceptualCaptions;
using Jat.Converters.Fetching;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat convert conceptual-captions</c>.</summary>
internal static class ConceptualCaptionsCommand
{
    public static Command Create()
    {
        var defaults = new ImageFetchOptions();
        var input = new Option<FileInfo>("--input", "-i") { Description = "The train TSV (caption<TAB>url per line, no header), e.g. Train_GCC-training.tsv.", Required = true };
        var validation = new Option<FileInfo?>("--validation") { Description = "The validation TSV (Validation_GCC-1.1.0-Validation.tsv), written as JAT's test split." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The dataset folder.", DefaultValueFactory = _ => new DirectoryInfo("data") };
        var concurrency = new Option<int>("--concurrency") { Description = "Downloads in flight at once.", DefaultValueFactory = _ => defaults.Concurrency };
        var perHost = new Option<int>("--per-host") { Description = "Requests in flight to one host.", DefaultValueFactory = _ => defaults.PerHost };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed for one request, body included (JAT used 0.5).", DefaultValueFactory = _ => defaults.Timeout.TotalSeconds };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest image body accepted, in bytes.", DefaultValueFactory = _ => defaults.MaxBytes };
        var retries = new Option<int>("--retries") { Description = "Retries on 429, 503 and network errors (waiting as Retry-After asks, else 1, 2, 4 s); JAT made none.", DefaultValueFactory = _ => defaults.Retries };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow URLs on private, loopback and link-local addresses (a local mirror); refused by default." };
        var limit = new Option<long?>("--limit") { Description = "Read only the first N lines of each TSV (a quick trial)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every skipped line (file:line: reason: url) and every retry on stderr." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("conceptual-captions",
            "Conceptual Captions (CC3M) as the `conceptual-captions` config: every image downloaded, resized as JAT did (longest side 352, " +
            "RGB, PNG) and stored with its caption, in input order. Lines whose image cannot be had (404, timeout, too large, not an " +
            "image, X-Robots-Tag: noai, …) are skipped and counted by reason.")
        {
            input, validation, output, concurrency, perHost, timeout, maxBytes, retries, allowPrivate, limit, verbose, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var seconds = result.GetValue(timeout);
            if (!(seconds > 0) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
                throw new ArgumentException("--timeout is a positive number of seconds");
            if (result.GetValue(limit) is < 0)
                throw new ArgumentException("--limit cannot be negative");
            var log = result.GetValue(verbose) ? new ConcurrentQueue<string>() : null;
            var options = new ConceptualCaptionsOptions
            {
                Fetch = new ImageFetchOptions
                {
                    Concurrency = result.GetValue(concurrency),
                    PerHost = result.GetValue(perHost),
                    Timeout = TimeSpan.FromSeconds(seconds),
                    MaxBytes = result.GetValue(maxBytes),
                    Retries = result.GetValue(retries),
                    AllowPrivate = result.GetValue(allowPrivate),
                },
                Limit = result.GetValue(limit),
                Log = log is null ? null : log.Enqueue,
            };
            var root = result.GetValue(output)!.FullName;
            var report = await RunAsync(result.GetValue(input)!.FullName, result.GetValue(validation)?.FullName, root, options, log, ct);
            ConvertCommand.Report(report, result.GetValue(json));
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Runs the conversion while this thread alone draws: the converter only records its latest progress and queues
    /// log lines, since Spectre's display is not thread-safe.
    /// </summary>
    private static async Task<ConversionReport> RunAsync(string train, string? validation, string root, ConceptualCaptionsOptions options,
        ConcurrentQueue<string>? log, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        var state = new ProgressState();
        var work = ConceptualCaptionsConverter.ConvertAsync(train, validation, root, options, state, ct);
        if (!Terminal.Interactive)
        {
            // Plain lines for logs: one every 15 s, not a redraw.
            var next = TimeSpan.FromSeconds(15);
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                Flush(log, line => Console.Error.WriteLine($"jat: {line}"));
                if (state.Elapsed >= next && !work.IsCompleted)
                {
                    Console.Error.WriteLine($"jat: {state.Describe()}");
                    next += TimeSpan.FromSeconds(15);
                }
            }
            Flush(log, line => Console.Error.WriteLine($"jat: {line}"));
            return await work;
        }
        ConversionReport? report = null;
        await Terminal.Err.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                void Draw()
                {
                    Flush(log, line => Terminal.Err.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
                    if (state.Latest is not { } p)
                        return;
                    if (!bars.TryGetValue(p.Split, out var bar))
                        bars[p.Split] = bar = context.AddTask(p.Split);
                    bar.MaxValue = Math.Max(1, p.TotalLines);
                    bar.Value = Math.Min(p.Line, bar.MaxValue);
                    bar.Description = Markup.Escape(state.Describe());
                }
                try
                {
                    while (!work.IsCompleted)
                    {
                        Draw();
                        await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                    }
                    Draw();
                    report = await work;
                    foreach (var bar in bars.Values)
                        bar.Value = bar.MaxValue;
                }
                finally
                {
                    foreach (var bar in bars.Values)
                        bar.StopTask();
                }
            });
        return report!;
    }

    private static void Flush(ConcurrentQueue<string>? log, Action<string> write)
    {
        while (log is not null && log.TryDequeue(out var line))
            write(line);
    }

    /// <summary>The converter's latest report, and the rate of lines handled since each split began in this run.</summary>
    private sealed class ProgressState : IProgress<CaptionsProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private CaptionsProgress? _latest;
        private string? _split;
        private TimeSpan _splitStart;
        private long _firstLine;

        public TimeSpan Elapsed => _clock.Elapsed;

        public CaptionsProgress? Latest
        {
            get
            {
                lock (_clock)
                    return _latest;
            }
        }

        public void Report(CaptionsProgress value)
        {
            lock (_clock)
            {
                if (value.Split != _split)
                {
                    // A resumed split starts counting where it picked up, so the rate is of this run's lines only.
                    _split = value.Split;
                    _splitStart = _clock.Elapsed;
                    _firstLine = value.Line - value.Rows - value.Failed;
                }
                _latest = value;
            }
        }

        public string Describe()
        {
            lock (_clock)
            {
                if (_latest is not { } p)
                    return "starting";
                var seconds = (_clock.Elapsed - _splitStart).TotalSeconds;
                var rate = seconds > 0 ? (p.Line - _firstLine) / seconds : 0;
                return string.Create(CultureInfo.InvariantCulture,
                    $"{p.Split} {p.Line:N0}/{p.TotalLines:N0}: {p.Rows:N0} ok, {p.Failed:N0} failed, {rate:N0} img/s");
            }
        }
    }
}
