using System.Diagnostics;
using Jat.Schema.Columns;
using Jat.Schema.Shards;

namespace Jat.Benchmarks;

/// <summary>
/// Write and read throughput of <see cref="ShardWriter"/> and <see cref="ShardReader"/> on Atari-like and MuJoCo-like
/// episodes, with DuckDB writing and reading the same rows on the same machine as the baseline.
/// </summary>
/// <remarks>
/// The rows are made once, before any timing. Each engine then does <see cref="ShardBenchOptions.Warmup"/> untimed
/// runs (the first runs of a .NET process are slower: JIT tiers, a heap that has not grown yet) and
/// <see cref="ShardBenchOptions.Repeat"/> timed ones. A run writes the rows to a fresh folder, then reads them all back.
/// </remarks>
public static class ShardThroughput
{
    public static async Task<ShardBenchReport> RunAsync(ShardBenchOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        options.Check();
        var load = new MachineLoad();
        var workloads = new[]
        {
            ShardWorkload.Create("atari-like", "atari-pong", options.AtariEpisodes, options.AtariSteps, progress),
            ShardWorkload.Create("mujoco-like", "mujoco-humanoid", options.MuJoCoEpisodes, options.MuJoCoSteps, progress),
        };
        var (duckDb, skipped) = options.DuckDb ? DuckDbBaseline.Find() : (null, "--no-duckdb");
        var results = new List<WorkloadResult>();
        foreach (var workload in workloads)
        {
            var scratch = Directory.CreateTempSubdirectory("jat-bench-");
            try
            {
                var (jat, withFsync) = await MeasureJatAsync(workload, scratch.FullName, options, progress, ct);
                var baselines = new List<EngineResult>();
                if (duckDb is not null)
                {
                    var shard = DatasetFolder.Scan(Path.Combine(scratch.FullName, "jat")).Shards[0].Path;
                    foreach (var threads in options.DuckDbThreadCounts)
                    {
                        progress?.Report($"{workload.Name}: DuckDB on {threads} thread(s) writing and reading the same rows");
                        try
                        {
                            baselines.Add(await duckDb.MeasureAsync(shard, scratch.FullName, options, threads, workload, ct));
                        }
                        catch (InvalidOperationException e)
                        {
                            // Jat's figures stand on their own; say why the baseline is missing rather than losing them.
                            (duckDb, skipped) = (null, $"DuckDB baseline skipped: {e.Message}");
                            progress?.Report(skipped);
                            break;
                        }
                    }
                }
                results.Add(new WorkloadResult(workload.Name, workload.Task.Name, workload.Rows.Count, workload.Steps, workload.Bytes,
                    jat, withFsync, baselines, baselines.Select(b => Ratio.Of(jat, withFsync, b)).ToArray()));
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
        return new ShardBenchReport(Machine(), Environment.ProcessorCount, Path.GetTempPath(), load.OthersShare(), options.Repeat, options.Warmup, results, skipped);
    }

    /// <summary>
    /// Jat without fsync and with it (its default), run after run in turn: the process gets faster over its first runs
    /// (JIT tiers, heap growth), and taking turns keeps that from favouring whichever variant would run second.
    /// </summary>
    private static async Task<(EngineResult Jat, EngineResult WithFsync)> MeasureJatAsync(ShardWorkload workload, string scratch,
        ShardBenchOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        var folder = Path.Combine(scratch, "jat");
        var variants = new[] { false, true };
        var writes = variants.Select(_ => new List<double>()).ToArray();
        var reads = variants.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < options.Warmup + options.Repeat; run++)
        {
            var warm = run < options.Warmup;
            progress?.Report($"{workload.Name}: Jat, without and with fsync, {(warm ? $"warm-up {run + 1} of {options.Warmup}" : $"run {run - options.Warmup + 1} of {options.Repeat}")}");
            for (var v = 0; v < variants.Length; v++)
            {
                var (written, read) = await WriteAndReadAsync(workload, folder, variants[v], ct);
                if (warm)
                    continue;
                writes[v].Add(written);
                reads[v].Add(read);
            }
        }
        var fileBytes = DatasetFolder.Scan(folder).Shards.Sum(s => s.FileBytes);
        // Jat compresses every column with Snappy except encoded images (PNG and JPEG bytes), as datasets does.
        var codec = workload.Task.Columns.Any(c => c.Kind is ColumnKind.ImageSteps or ColumnKind.Image)
            ? "snappy, images uncompressed"
            : "snappy";
        EngineResult Result(int v) => new(variants[v] ? "jat, fsync per row group (default)" : "jat", 1, codec,
            fileBytes, Timing.Of(writes[v]), Timing.Of(reads[v]), workload.Bytes, workload.Rows.Count);
        return (Result(0), Result(1));
    }

    /// <summary>One timed write of all rows to a fresh folder, then one timed read of them all.</summary>
    private static async Task<(double Write, double Read)> WriteAndReadAsync(ShardWorkload workload, string folder, bool durable, CancellationToken ct)
    {
        // Default options (64 MiB row groups, the task's codec), but one shard per workload, as DuckDB writes one file.
        var options = new ShardWriterOptions { ShardBytes = long.MaxValue / 2, Durable = durable };
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
            throw new InvalidOperationException($"Jat read back {rows} rows of {workload.Rows.Count}");
        return (written, read);
    }

    /// <summary>Each timed run starts without garbage left by the one before, as BenchmarkDotNet's runs do.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
