namespace Jat.Benchmarks;

/// <param name="Bytes">Arrow-like in-memory size of the rows: what the MB/s figures count</param>
/// <param name="Jat">Jat without fsync, the same guarantee as DuckDB's COPY: what the ratios compare</param>
/// <param name="JatWithFsync">Jat as it runs by default (<c>Durable</c>), flushing every row group to disk</param>
/// <param name="DuckDb">DuckDB on the same rows, once per thread count</param>
/// <param name="Ratios">Jat ÷ DuckDB, one per DuckDB run</param>
public sealed record WorkloadResult(string Workload, string Task, long Rows, long Steps, long Bytes, EngineResult Jat, EngineResult JatWithFsync,
    IReadOnlyList<EngineResult> DuckDb, IReadOnlyList<Ratio> Ratios);
