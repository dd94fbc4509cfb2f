using System.Globalization;
using System.Text.RegularExpressions;

namespace Jat.Schema.Shards;

/// <summary>Where one split's files live inside a dataset folder, while written and once complete.</summary>
internal sealed partial class DatasetLayout(string root, string task, string split)
{
    public string Root { get; } = root;
    public string Task { get; } = task;
    public string Split { get; } = split;

    /// <summary>Writer state lives under a dot-folder: the Hub upload and the data-file patterns leave it out.</summary>
    public const string StateFolder = ".jat";

    public string StagingDirectory => Path.Combine(Root, StateFolder, Task);
    public string FinalDirectory => Path.Combine(Root, Task);
    public string ManifestPath => Path.Combine(StagingDirectory, Split + ".json");
    public string LockPath => Path.Combine(StagingDirectory, Split + ".lock");

    public string StagingShard(int index) =>
        Path.Combine(StagingDirectory, string.Create(CultureInfo.InvariantCulture, $"{Split}-{index:D5}.parquet"));

    public IEnumerable<(int Index, string Path)> StagingShards()
    {
        if (!Directory.Exists(StagingDirectory))
            yield break;
        foreach (var path in Directory.EnumerateFiles(StagingDirectory, Split + "-*.parquet"))
        {
            var match = StagingPattern().Match(System.IO.Path.GetFileName(path));
            if (match.Success && match.Groups[1].Value == Split)
                yield return (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), path);
        }
    }

    public IReadOnlyList<string> FinalShards() => !Directory.Exists(FinalDirectory)
        ? []
        : Directory.EnumerateFiles(FinalDirectory, Split + "-*.parquet")
            .Where(p => ShardName.TryParse(Task, System.IO.Path.GetFileName(p), out var n) && n!.Split == Split)
            .ToList();

    [GeneratedRegex(@"^(\w+(?:\.\w+)*)-(\d{5})\.parquet$")]
    private static partial Regex StagingPattern();
}
