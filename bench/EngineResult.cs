namespace Jat.Benchmarks;

/// <summary>
/// One engine on one workload. Throughput is in uncompressed (Arrow-like) MB, 10^6 B, per second, and in rows
/// (episodes) per second, from the median time; <c>…AtMin</c> from the fastest run.
/// </summary>
public sealed record EngineResult(string Engine, int Threads, string Compression, long FileBytes, Timing Write, Timing Read, long Bytes, long Rows)
{
    public double WriteMegabytesPerSecond => Bytes / 1e6 / Write.Median;

    public double WriteMegabytesPerSecondAtMin => Bytes / 1e6 / Write.Min;

    public double WriteRowsPerSecond => Rows / Write.Median;

    public double ReadMegabytesPerSecond => Bytes / 1e6 / Read.Median;

    public double ReadMegabytesPerSecondAtMin => Bytes / 1e6 / Read.Min;

    public double ReadRowsPerSecond => Rows / Read.Median;
}
