using Spectre.Console;

namespace Jat.Cli.Presentation;

/// <summary>
/// One progress bar on stderr that follows a long operation. Spectre's live display is not thread-safe, so the
/// operation only records its latest progress and this loop draws it, four times a second, with any queued warnings.
/// </summary>
internal static class LiveProgress
{
    public static ProgressColumn[] Throughput => [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn()];

    public static async Task<TResult> RunAsync<TProgress, TResult>(string name, Func<IProgress<TProgress>, Task<TResult>> operation,
        Action<ProgressTask, TProgress> draw, ProgressColumn[]? columns = null, SkipWarnings? warnings = null, string? done = null)
        where TProgress : struct
    {
        var result = default(TResult);
        await Terminal.Err.Progress().AutoClear(false)
            .Columns(columns ?? Throughput)
            .StartAsync(async context =>
            {
                var bar = context.AddTask(name);
                var latest = default(TProgress);
                var work = operation(new SyncProgress<TProgress>(p => latest = p));
                while (!work.IsCompleted)
                {
                    draw(bar, latest);
                    warnings?.Flush(line => Terminal.Err.WriteLine(line));
                    await Task.WhenAny(work, Task.Delay(250, CancellationToken.None));
                }
                warnings?.Flush(line => Terminal.Err.WriteLine(line));
                result = await work;
                bar.Value = bar.MaxValue;
                if (done is not null)
                    bar.Description = done;
            });
        return result!;
    }
}
