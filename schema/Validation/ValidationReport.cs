namespace Jat.Schema.Validation;

/// <summary>Rows and bytes of one split of a dataset folder.</summary>
/// <param name="NumBytes">uncompressed size, as the shards' footers state it (the Hub's num_bytes)</param>
public sealed record SplitStats(string Task, string Split, int Shards, long Rows, long FileBytes, long NumBytes);

/// <summary>One violation: the file, where in it (row of the shard, when known), and what is wrong.</summary>
public sealed record Problem(string Path, string Message, long? Row = null)
{
    public override string ToString() => Row is { } row ? $"{Path}: row {row}: {Message}" : $"{Path}: {Message}";
}

public sealed record ValidationReport(string Root, IReadOnlyList<SplitStats> Splits, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>How far a validation has gone: files done of all, and rows read.</summary>
public readonly record struct ValidationProgress(int FilesDone, int Files, long Rows);
