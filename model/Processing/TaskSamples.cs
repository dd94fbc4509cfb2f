using System.Runtime.CompilerServices;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Model.Processing;

/// <summary>
/// The samples of a split of a task in a dataset folder, shard after shard and row after row, in the order the trainer
/// reads them: one row is in memory at a time.
/// </summary>
public static class TaskSamples
{
    /// <exception cref="InvalidDataException">A row cannot be processed; the message names the task, split and row.</exception>
    public static async IAsyncEnumerable<Sample> ReadAsync(string datasetDirectory, TaskSpec task, string split, JatProcessor processor,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var rowIndex = -1L;
        await foreach (var row in ShardReader.ReadSplitAsync(datasetDirectory, task, split, ct).ConfigureAwait(false))
        {
            rowIndex++;
            using var samples = processor.Process(task, row).GetEnumerator();
            while (true)
            {
                Sample sample;
                try
                {
                    if (!samples.MoveNext())
                        break;
                    sample = samples.Current;
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"{task.Name}/{split}, row {rowIndex}: {e.Message}", e);
                }
                yield return sample;
            }
        }
    }

    /// <summary>Whether the folder holds shards of the task's split.</summary>
    public static bool Exists(string datasetDirectory, TaskSpec task, string split) =>
        DatasetFolder.Scan(datasetDirectory).Shards.Any(s => s.Name.Task == task.Name && s.Name.Split == split);
}
