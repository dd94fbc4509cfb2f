using System.Globalization;
using System.Text.RegularExpressions;

namespace Jat.Schema.Shards;

/// <summary>
/// Where one split's files live inside a dataset folder, while written and once complete. A split written in
/// <see cref="ShardPart"/>s has one layout per part: its own manifest, lock and staging file, and one final shard.
/// </summary>
internal sealed partial class DatasetLayout(string root, string task, string split, ShardPart? part = null)
{
    public string Root { get; } = root;
    public string Task { get; } = task;
    public string Split { get; } = split;
    public ShardPart? Part { get; } = part;

    /// <summary>The name the writer's state goes by: the split, or the split and the part.</summary>
    private string StateName => Part is { } p ? string.Create(CultureInfo.InvariantCulture, $"{Split}.part{p.Index:D5}") : Split;

    /// <summary>Writer state lives under a dot-folder: the Hub upload and the data-file patterns leave it out.</summary>
    public const string StateFolder = ".jat";

    public string StagingDirectory => Path.Combine(Root, StateFolder, Task);
    public string FinalDirectory => Path.Combine(Root, Task);
    public string ManifestPath => Path.Combine(StagingDirectory, StateName + ".json");
    public string LockPath => Path.Combine(StagingDirectory, StateName + ".lock");

    public string StagingShard(int index) =>
        Path.Combine(StagingDirectory, string.Create(CultureInfo.InvariantCulture, $"{StateName}-{index:D5}.parquet"));

    /// <summary>The final name of staged shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    public ShardName FinalName(int index, int count) =>
        Part is { } p ? new ShardName(Task, Split, p.Index, p.Count) : new ShardName(Task, Split, index, count);

    public IEnumerable<(int Index, string Path)> StagingShards()
    {
        if (!Directory.Exists(StagingDirectory))
            yield break;
        foreach (var path in Directory.EnumerateFiles(StagingDirectory, StateName + "-*.parquet"))
        {
            var match = StagingPattern().Match(System.IO.Path.GetFileName(path));
            if (match.Success && match.Groups[1].Value == StateName)
                yield return (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), path);
        }
    }

    /// <summary>The split's final shards; for a part, its own shard only.</summary>
    public IReadOnlyList<string> FinalShards() => !Directory.Exists(FinalDirectory)
        ? []
        : Directory.EnumerateFiles(FinalDirectory, Split + "-*.parquet")
            .Where(p => ShardName.TryParse(Task, System.IO.Path.GetFileName(p), out var n) && n!.Split == Split
                && (Part is not { } part || n.Index == part.Index))
            .ToList();

    [GeneratedRegex(@"^(\w+(?:\.\w+)*)-(\d{5})\.parquet$")]
    private static partial Regex StagingPattern();
}
