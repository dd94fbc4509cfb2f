namespace Jat.Benchmarks;

/// <param name="OthersCpuShare">share of all cores (0 to 1) that other processes used while the benchmark ran (Linux
/// only): above a few percent, the machine was shared and the figures are noisy</param>
/// <param name="DuckDbSkipped">why there is no DuckDB baseline (and how to get one), or null when it ran</param>
public sealed record ShardBenchReport(string Machine, int Cores, string Scratch, double? OthersCpuShare, int Repeat, int Warmup,
    IReadOnlyList<WorkloadResult> Workloads, string? DuckDbSkipped)
{
    public bool Shared => OthersCpuShare > 0.1;
}
