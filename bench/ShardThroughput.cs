using System.Diagnostics;
using Jat.Schema.Shards;

namespace Jat.Benchmarks;

/// <summary>Options of <c>jat bench shards</c>.</summary>
public sealed record ShardBenchOptions(int AtariEpisodes = 150, int AtariSteps = 400, int MuJoCoEpisodes = 200, int MuJoCoSteps = 1000,
    int Repeat = 5, bool DuckDb = true, int? DuckDbThreads = null)
{
    /// <summary>DuckDB runs on one thread (Jat's writer uses one per split) and on all cores, unless told otherwise.</summary>
    public IReadOnlyList<int> DuckDbThreadCounts => DuckDbThreads is { } t ? [t] : Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];
}

/// <summary>Median and best of repeated timings, in seconds.</summary>
public sealed record Timing(double Median, double Best)
{
    public static Timing Of(IReadOnlyList<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        return new Timing(sorted[sorted.Length / 2], sorted[0]);
    }
}

/// <summary>One engine on one workload. Throughput is uncompressed MB (10^6 B) per second, from the median time.</summary>
public sealed record EngineResult(string Engine, int Threads, long FileBytes, Timing Write, Timing Read, long Bytes, long Rows)
{
    public double WriteMegabytesPerSecond => Bytes / 1e6 / Write.Median;
    public double WriteRowsPerSecond => Rows / Write.Median;
    public double ReadMegabytesPerSecond => Bytes / 1e6 / Read.Median;
    public double ReadRowsPerSecond => Rows / Read.Median;
}

/// <param name="Jat">Jat without fsync, the same guarantee as DuckDB's COPY: what the ratios compare</param>
/// <param name="JatDurable">Jat as it runs by default, flushing every row group to disk</param>
/// <param name="DuckDb">DuckDB on the same rows, once per thread count (one thread, then all cores)</param>
public sealed record WorkloadResult(string Workload, string Task, long Rows, long Steps, long Bytes, EngineResult Jat, EngineResult JatDurable, IReadOnlyList<EngineResult> DuckDb)
{
    /// <summary>How many times faster Jat writes than DuckDB on <paramref name="baseline"/>'s threads (above 1: Jat is faster).</summary>
    public static double WriteRatio(EngineResult jat, EngineResult baseline) => baseline.Write.Median / jat.Write.Median;

    public static double ReadRatio(EngineResult jat, EngineResult baseline) => baseline.Read.Median / jat.Read.Median;
}

public sealed record ShardBenchReport(string Machine, IReadOnlyList<WorkloadResult> Workloads, string? DuckDbSkipped);

/// <summary>
/// Write and read throughput of <see cref="ShardWriter"/> and <see cref="ShardReader"/> on Atari-like and MuJoCo-like
/// episodes, with DuckDB writing and reading the same rows on the same machine as the baseline.
/// </summary>
public static class ShardThroughput
{
    public static async Task<ShardBenchReport> RunAsync(ShardBenchOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var workloads = new[]
        {
            ShardWorkload.Create("atari-like", "atari-pong", options.AtariEpisodes, options.AtariSteps, progress),
            ShardWorkload.Create("mujoco-like", "mujoco-humanoid", options.MuJoCoEpisodes, options.MuJoCoSteps, progress),
        };
        var duckDb = options.DuckDb ? DuckDbBaseline.Find() : null;
        string? skipped = !options.DuckDb ? "--no-duckdb" : duckDb is null ? DuckDbBaseline.MissingReason : null;
        var results = new List<WorkloadResult>();
        foreach (var workload in workloads)
        {
            var scratch = Directory.CreateTempSubdirectory("jat-bench-");
            try
            {
                var durable = await MeasureJatAsync(workload, scratch.FullName, options.Repeat, durable: true, progress, ct);
                var jat = await MeasureJatAsync(workload, scratch.FullName, options.Repeat, durable: false, progress, ct);
                var baselines = new List<EngineResult>();
                if (duckDb is not null)
                {
                    var shard = DatasetFolder.Scan(Path.Combine(scratch.FullName, "jat")).Shards[0].Path;
                    foreach (var threads in options.DuckDbThreadCounts)
                    {
                        progress?.Report($"{workload.Name}: DuckDB on {threads} thread(s) writing and reading the same rows");
                        baselines.Add(await duckDb.MeasureAsync(shard, scratch.FullName, options.Repeat, threads, workload, ct));
                    }
                }
                results.Add(new WorkloadResult(workload.Name, workload.Task.Name, workload.Rows.Count, workload.Steps, workload.Bytes, jat, durable, baselines));
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
        return new ShardBenchReport($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}", results, skipped);
    }

    private static async Task<EngineResult> MeasureJatAsync(ShardWorkload workload, string scratch, int repeat, bool durable,
        IProgress<string>? progress, CancellationToken ct)
    {
        var folder = Path.Combine(scratch, "jat");
        // Shards large enough that each workload is one file, as DuckDB writes one.
        var options = new ShardWriterOptions { ShardBytes = long.MaxValue / 2, Durable = durable };
        var writes = new List<double>();
        var reads = new List<double>();
        for (var run = 0; run <= repeat; run++)
        {
            progress?.Report($"{workload.Name}: Jat{(durable ? " (fsync)" : "")} run {run} of {repeat}{(run == 0 ? " (warm-up)" : "")}");
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Settle();
            var clock = Stopwatch.StartNew();
            await using (var writer = await ShardWriter.OpenAsync(folder, workload.Task, "train", options, ct))
            {
                foreach (var row in workload.Rows)
                    await writer.WriteAsync(row, ct);
                await writer.CompleteAsync(ct);
            }
            var written = clock.Elapsed.TotalSeconds;
            Settle();
            clock.Restart();
            long rows = 0;
            await foreach (var _ in ShardReader.ReadSplitAsync(folder, workload.Task, "train", ct))
                rows++;
            var read = clock.Elapsed.TotalSeconds;
            if (rows != workload.Rows.Count)
                throw new InvalidOperationException($"read back {rows} rows of {workload.Rows.Count}");
            if (run == 0)
                continue;
            writes.Add(written);
            reads.Add(read);
        }
        var fileBytes = DatasetFolder.Scan(folder).Shards.Sum(s => s.FileBytes);
        return new EngineResult(durable ? "jat, fsync per row group" : "jat", 1, fileBytes, Timing.Of(writes), Timing.Of(reads), workload.Bytes, workload.Rows.Count);
    }

    /// <summary>Each timed run starts without garbage left by the one before, as BenchmarkDotNet's runs do.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
