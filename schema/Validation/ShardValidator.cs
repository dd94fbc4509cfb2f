using Jat.Schema.Features;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Validation;

/// <summary>
/// Checks a dataset folder as the Hub and <c>datasets</c> will read it: shard names and sets, every split of
/// every task, each file's features and column types, row-group sizes the viewer can scan, and every row
/// against its task's rules. It reads the shards as a stream, one row group at a time.
/// </summary>
public static class ShardValidator
{
    /// <summary>The Hub's dataset viewer refuses to scan more than this many bytes (its scan_size_limit).</summary>
    public const long ViewerScanLimit = 300_000_000;

    private const int ProblemsPerFile = 10;

    public static async Task<ValidationReport> ValidateAsync(string root, IProgress<ValidationProgress>? progress = null,
        CancellationToken ct = default)
    {
        var folder = DatasetFolder.Scan(root);
        var problems = folder.Strays
            .Select(p => new Problem(p, "not a shard name: shards are <task>/<split>-NNNNN-of-MMMMM.parquet"))
            .ToList();
        var stats = new List<SplitStats>();
        var done = 0;
        long rows = 0;
        foreach (var byTask in folder.Shards.GroupBy(s => s.Name.Task))
        {
            var task = TaskRegistry.Find(byTask.Key);
            if (task is null)
            {
                problems.Add(new Problem(Path.Combine(root, byTask.Key), $"'{byTask.Key}' is not one of the 161 JAT tasks (`jat tasks` lists them)"));
                done += byTask.Count();
                continue;
            }
            foreach (var missing in SplitRule.SplitNames.Except(byTask.Select(s => s.Name.Split)))
                problems.Add(new Problem(Path.Combine(root, task.Name), $"no '{missing}' split: JAT has train and test for every task"));
            foreach (var bySplit in byTask.GroupBy(s => s.Name.Split).OrderBy(g => g.Key == "train" ? 0 : g.Key == "test" ? 2 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                problems.AddRange(CheckShardSet(root, task, bySplit.Key, bySplit.ToList()));
                long splitRows = 0, numBytes = 0;
                foreach (var shard in bySplit.OrderBy(s => s.Name.Index))
                {
                    var (shardRows, shardBytes) = await CheckShardAsync(shard.Path, task, problems, ct).ConfigureAwait(false);
                    splitRows += shardRows;
                    numBytes += shardBytes;
                    rows += shardRows;
                    progress?.Report(new ValidationProgress(++done, folder.Shards.Count, rows));
                }
                stats.Add(new SplitStats(task.Name, bySplit.Key, bySplit.Count(), splitRows, bySplit.Sum(s => s.FileBytes), numBytes));
            }
        }
        if (folder.Shards.Count == 0 && problems.Count == 0)
            problems.Add(new Problem(root, "no shards: a dataset folder holds <task>/<split>-NNNNN-of-MMMMM.parquet files"));
        return new ValidationReport(root, stats, problems);
    }

    /// <summary>Rows and uncompressed bytes of a folder's splits, from the shards' footers only.</summary>
    public static async Task<IReadOnlyList<SplitStats>> StatsAsync(string root, CancellationToken ct = default)
    {
        var stats = new List<SplitStats>();
        foreach (var split in DatasetFolder.Scan(root).Shards.GroupBy(s => (s.Name.Task, s.Name.Split)))
        {
            var task = TaskRegistry.Find(split.Key.Task);
            if (task is null)
                continue;
            long rows = 0, bytes = 0;
            foreach (var shard in split)
            {
                await using var reader = await ShardReader.OpenAsync(shard.Path, task, ct).ConfigureAwait(false);
                rows += reader.RowCount;
                bytes += reader.UncompressedBytes;
            }
            stats.Add(new SplitStats(split.Key.Task, split.Key.Split, split.Count(), rows, split.Sum(s => s.FileBytes), bytes));
        }
        return stats;
    }

    private static IEnumerable<Problem> CheckShardSet(string root, TaskSpec task, string split, IReadOnlyList<DatasetFolder.Shard> shards)
    {
        var where = Path.Combine(root, task.Name);
        var counts = shards.Select(s => s.Name.Count).Distinct().ToList();
        if (counts.Count > 1)
        {
            yield return new Problem(where, $"{split} shards disagree on their count (-of-{string.Join(", -of-", counts.Select(c => c.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)))})");
            yield break;
        }
        var missing = Enumerable.Range(0, counts[0]).Except(shards.Select(s => s.Name.Index)).ToList();
        if (missing.Count > 0)
            yield return new Problem(where, $"{split} is missing shard(s) {string.Join(", ", missing.Take(10))} of {counts[0]}");
        foreach (var extra in shards.Where(s => s.Name.Index >= counts[0]))
            yield return new Problem(extra.Path, $"shard index {extra.Name.Index} is past the count {counts[0]} in its name");
    }

    private static async Task<(long Rows, long Bytes)> CheckShardAsync(string path, TaskSpec task, List<Problem> problems, CancellationToken ct)
    {
        ShardReader reader;
        try
        {
            reader = await ShardReader.OpenAsync(path, task, ct).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            problems.Add(new Problem(path, StripPath(e.Message, path)));
            return (0, 0);
        }
        await using (reader.ConfigureAwait(false))
        {
            var found = 0;
            void Report(string message, long? row = null)
            {
                if (found++ < ProblemsPerFile)
                    problems.Add(new Problem(path, message, row));
            }
            CheckMetadata(reader, task, Report);
            var groups = reader.RowGroupCount;
            long row = 0;
            try
            {
                await foreach (var example in reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    if (RowRules.Check(task, example) is { } problem)
                        Report(problem, row);
                    row++;
                }
            }
            catch (InvalidDataException e)
            {
                Report($"unreadable after row {row} of {groups} row group(s): {StripPath(e.Message, path)}");
            }
            catch (Exception e) when (e is IOException or IndexOutOfRangeException or ArgumentException or NotSupportedException)
            {
                Report($"unreadable after row {row}: {e.Message}; the file may be damaged: write it again");
            }
            if (found > ProblemsPerFile)
                problems.Add(new Problem(path, $"{found - ProblemsPerFile} more problem(s) in this file not listed"));
            return (reader.RowCount, reader.UncompressedBytes);
        }
    }

    private static void CheckMetadata(ShardReader reader, TaskSpec task, Action<string, long?> report)
    {
        if (!reader.Metadata.TryGetValue("huggingface", out var json))
        {
            report("no 'huggingface' metadata: datasets would guess the features from the Parquet types (images would not decode)", null);
        }
        else
        {
            try
            {
                var stored = FeatureJson.FromMetadata(json);
                var expected = task.Features.ToList();
                if (!stored.Select(kv => kv.Key).SequenceEqual(expected.Select(kv => kv.Key)))
                    report($"the features name columns [{string.Join(", ", stored.Select(kv => kv.Key))}], {task.Name} has [{string.Join(", ", expected.Select(kv => kv.Key))}]", null);
                foreach (var (name, feature) in stored)
                    if (expected.FirstOrDefault(kv => kv.Key == name).Value is { } want && !want.Equals(feature))
                        report($"the features give column '{name}' as {feature}, {task.Name} needs {want}", null);
            }
            catch (FormatException e)
            {
                report(e.Message, null);
            }
        }
        // A row group larger than the viewer can scan cannot be shown on the Hub at all.
        var index = 0;
        foreach (var size in reader.RowGroupSizes)
        {
            if (size > ViewerScanLimit)
                report($"row group {index} holds {size:N0} bytes uncompressed, over the {ViewerScanLimit:N0} the Hub's viewer scans; write smaller row groups", null);
            index++;
        }
    }

    private static string StripPath(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..]
        : message.StartsWith(path + ", ", StringComparison.Ordinal) ? message[(path.Length + 2)..]
        : message;
}
