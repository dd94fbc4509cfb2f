namespace Jat.Benchmarks;

/// <summary>
/// Jat's throughput divided by one DuckDB baseline's, from median times: above 1, Jat is faster.
/// <see cref="Write"/> and <see cref="Read"/> compare Jat without fsync (DuckDB's COPY never fsyncs);
/// <see cref="WriteWithFsync"/> compares Jat as it writes by default, flushing every row group to disk.
/// </summary>
public sealed record Ratio(int DuckDbThreads, string DuckDbCompression, double Write, double Read, double WriteWithFsync)
{
    public static Ratio Of(EngineResult jat, EngineResult jatWithFsync, EngineResult duckDb) => new(duckDb.Threads, duckDb.Compression,
        duckDb.Write.Median / jat.Write.Median, duckDb.Read.Median / jat.Read.Median, duckDb.Write.Median / jatWithFsync.Write.Median);
}
