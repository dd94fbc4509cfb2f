using System.Text.Json;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Statistics;

/// <summary>
/// Statistics of a dataset folder in one streaming pass (one row group in memory at a time), per task, split and
/// feature, written as <c>stats.json</c> at the folder's root in LeRobot's shape (min, max, mean, std, count, q01..q99).
/// </summary>
public static class DatasetStatistics
{
    public const string FileName = "stats.json";

    public static async Task<IReadOnlyList<SplitStatistics>> ComputeAsync(string root, IProgress<long>? rowsRead = null,
        CancellationToken ct = default)
    {
        var folder = DatasetFolder.Scan(root);
        var splits = new List<SplitStatistics>();
        long rows = 0;
        foreach (var group in folder.Shards.GroupBy(s => (s.Name.Task, s.Name.Split)).OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Split, StringComparer.Ordinal))
        {
            var task = TaskRegistry.Find(group.Key.Task)
                ?? throw new InvalidDataException($"{root}/{group.Key.Task}: not a JAT task; run `jat tasks` for the names");
            var stats = new SplitStatistics(task.Name, group.Key.Split, task.Columns);
            foreach (var shard in group.OrderBy(s => s.Name.Index))
            {
                await using var reader = await ShardReader.OpenAsync(shard.Path, task, ct).ConfigureAwait(false);
                await foreach (var row in reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    stats.Add(row);
                    if (++rows % 256 == 0)
                        rowsRead?.Report(rows);
                }
            }
            splits.Add(stats);
        }
        if (splits.Count == 0)
            throw new InvalidDataException($"{root} holds no shards (<task>/<split>-NNNNN-of-MMMMM.parquet); nothing to measure");
        rowsRead?.Report(rows);
        return splits;
    }

    /// <summary>Writes <c>stats.json</c> (through a temporary file, so a crash leaves the old one) and returns its path.</summary>
    public static async Task<string> WriteAsync(string root, IReadOnlyList<SplitStatistics> splits, CancellationToken ct = default)
    {
        var path = Path.Combine(root, FileName);
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(json, splits);
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public static void Write(Utf8JsonWriter json, IReadOnlyList<SplitStatistics> splits)
    {
        json.WriteStartObject();
        foreach (var task in splits.GroupBy(s => s.Task))
        {
            json.WriteStartObject(task.Key);
            foreach (var split in task)
            {
                json.WriteStartObject(split.Split);
                json.WriteNumber("rows", split.Rows);
                if (split.IsEpisodic)
                {
                    json.WritePropertyName("episode_length");
                    Summary(json, [split.EpisodeLength]);
                    json.WritePropertyName("episode_return");
                    Summary(json, [split.EpisodeReturn]);
                }
                json.WriteStartObject("features");
                foreach (var feature in split.Features)
                {
                    json.WritePropertyName(feature.Name);
                    Summary(json, feature.Dimensions, feature);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>One array per figure, one entry per dimension, as LeRobot writes them.</summary>
    private static void Summary(Utf8JsonWriter json, IReadOnlyList<ValueSummary> dimensions, FeatureSummary? feature = null)
    {
        json.WriteStartObject();
        if (feature is not null)
            json.WriteString("of", feature.Kind);
        Array(json, "count", dimensions.Select(d => (double)d.Count));
        Array(json, "min", dimensions.Select(d => d.Min));
        Array(json, "max", dimensions.Select(d => d.Max));
        Array(json, "mean", dimensions.Select(d => d.Mean));
        Array(json, "std", dimensions.Select(d => d.Std));
        var quantiles = dimensions.Select(d => d.QuantileValues()).ToList();
        for (var q = 0; q < ValueSummary.Quantiles.Length; q++)
            Array(json, $"q{ValueSummary.Quantiles[q] * 100:00}", quantiles.Select(v => v[q]));
        json.WriteBoolean("quantiles_exact", dimensions.All(d => d.QuantilesExact));
        if (feature is { ValueCounts.Count: > 0 })
        {
            json.WriteStartObject("value_counts");
            foreach (var (value, count) in feature.ValueCounts)
                json.WriteNumber(value.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
            json.WriteEndObject();
            if (feature.ValueCountsTruncated)
                json.WriteBoolean("value_counts_truncated", true);
        }
        json.WriteEndObject();
    }

    private static void Array(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
                json.WriteNumberValue(value);
            else
                json.WriteNullValue();
        }
        json.WriteEndArray();
    }
}
