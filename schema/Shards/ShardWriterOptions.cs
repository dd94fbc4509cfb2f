namespace Jat.Schema.Shards;

public sealed record ShardWriterOptions
{
    /// <summary>
    /// A row group is written once its rows take this many bytes in memory (Arrow-like size). The Hub's viewer
    /// reads whole row groups, and Parquet.Net writes one page per column chunk, so this bounds what a reader
    /// must hold. 64 MB by default, under <c>datasets</c>' own 100 MB.
    /// </summary>
    public long RowGroupBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A shard is sealed once its file reaches this size: 500 MB by default, as <c>datasets</c>.</summary>
    public long ShardBytes { get; init; } = 500L * 1000 * 1000;

    /// <summary>Flush every committed row group and manifest to disk, so that power loss loses nothing committed.</summary>
    public bool Durable { get; init; } = true;

    public static ShardWriterOptions Default { get; } = new();

    internal void Check()
    {
        if (RowGroupBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(RowGroupBytes), RowGroupBytes, "the row-group size must be positive");
        if (ShardBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(ShardBytes), ShardBytes, "the shard size must be positive");
    }
}
