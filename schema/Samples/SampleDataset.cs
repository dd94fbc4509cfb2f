using System.Globalization;
using Jat.Schema.Card;
using Jat.Schema.Shards;
using Jat.Schema.Tasks;

namespace Jat.Schema.Samples;

/// <summary>How many sample rows to write for a task, and from which seed.</summary>
/// <param name="Episodes">rows in all (episodes, documents or image-caption pairs), split as the task's domain splits</param>
/// <param name="Steps">steps per episode; 0 for each domain's default</param>
public sealed record SamplePlan(int Episodes = 20, int Steps = 0, int Seed = 0)
{
    public int StepsFor(Domain domain) => Steps > 0 ? Steps : SampleRows.DefaultSteps(domain);

    /// <summary>Rows of each split: BabyAI keeps 5% for test as JAT does, the other tasks 10%; at least one each.</summary>
    public IReadOnlyList<(string Split, long First, long Count)> Splits(TaskSpec task)
    {
        var fraction = task.Domain == Domain.BabyAI ? 0.05 : 0.1;
        var test = Math.Max(1, (long)Math.Round(Episodes * fraction));
        var train = Math.Max(1, Episodes - test);
        return [("train", 0, train), ("test", train, test)];
    }

    public string Provenance(TaskSpec task) => string.Create(CultureInfo.InvariantCulture,
        $"sample: synthetic rows, seed {Seed}, {Episodes} rows{(task.Domain.IsReinforcementLearning() ? $" of {StepsFor(task.Domain)} steps" : "")}");
}

/// <summary>
/// Writes a task's sample rows through <see cref="ShardWriter"/>: resumable like every writer, since row <c>i</c>
/// is a function of the plan alone.
/// </summary>
public static class SampleDataset
{
    /// <param name="progress">rows written so far in this task, all splits together</param>
    public static async Task<IReadOnlyList<SplitSummary>> WriteAsync(string root, TaskSpec task, SamplePlan plan,
        ShardWriterOptions options, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        DatasetNotes.Claim(root, task.Name, plan.Provenance(task));
        var summaries = new List<SplitSummary>();
        long done = 0;
        foreach (var (split, first, count) in plan.Splits(task))
        {
            await using var writer = await ShardWriter.OpenAsync(root, task, split, options, ct).ConfigureAwait(false);
            done += Math.Min(writer.CommittedRows, count);
            progress?.Report(done);
            for (var i = writer.CommittedRows; i < count; i++)
            {
                ct.ThrowIfCancellationRequested();
                await writer.WriteAsync(SampleRows.Create(task, first + i, plan.Seed, plan.StepsFor(task.Domain)), ct).ConfigureAwait(false);
                progress?.Report(++done);
            }
            summaries.Add(await writer.CompleteAsync(ct).ConfigureAwait(false));
        }
        return summaries;
    }
}
