namespace Jat.Benchmarks;

/// <param name="LoadAverage">the 1-minute load average when the benchmark started (Linux), before it made its rows: above
/// half the cores, other processes were sharing the machine and the figures are noisy</param>
/// <param name="DuckDbSkipped">why there is no DuckDB baseline (and how to get one), or null when it ran</param>
public sealed record ShardBenchReport(string Machine, int Cores, double? LoadAverage, int Repeat, int Warmup, IReadOnlyList<WorkloadResult> Workloads,
    string? DuckDbSkipped)
{
    public bool Busy => LoadAverage > Cores / 2.0;
}
