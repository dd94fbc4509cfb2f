namespace Jat.Benchmarks;

/// <summary>Options of <c>jat bench shards</c>. The defaults run in about a minute on 2 cores (most of it DuckDB's MuJoCo runs).</summary>
/// <param name="Warmup">untimed runs of Jat before its timed ones (each both without and with fsync); DuckDB, native code, gets at most one</param>
/// <param name="DuckDbThreads">DuckDB's thread counts, one baseline run each; empty: the machine's cores</param>
/// <param name="DuckDbCompression">DuckDB's codec; <c>same</c> takes the codec of Jat's shard, so both do the same work</param>
public sealed record ShardBenchOptions(
    int AtariEpisodes = 200,
    int AtariSteps = 400,
    int MuJoCoEpisodes = 150,
    int MuJoCoSteps = 1000,
    int Repeat = 5,
    int Warmup = 3,
    bool DuckDb = true,
    IReadOnlyList<int>? DuckDbThreads = null,
    string DuckDbCompression = "same")
{
    public IReadOnlyList<int> DuckDbThreadCounts => DuckDbThreads is { Count: > 0 } t ? t : [Environment.ProcessorCount];

    public void Check()
    {
        if (AtariEpisodes < 1 || AtariSteps < 1 || MuJoCoEpisodes < 1 || MuJoCoSteps < 1)
            throw new ArgumentException("episodes and steps must be at least 1");
        if (Repeat < 1 || Warmup < 0)
            throw new ArgumentException("--repeat must be at least 1 and --warmup at least 0");
        if (DuckDbThreadCounts.Any(t => t < 1))
            throw new ArgumentException("DuckDB's thread counts must be at least 1");
    }
}
