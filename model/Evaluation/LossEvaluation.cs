using Jat.Model.Network;
using Jat.Model.Processing;
using Jat.Schema.Tasks;
using static TorchSharp.torch;

namespace Jat.Model.Evaluation;

/// <summary>A task's evaluation losses: the mean over its samples of each term (null where the task has no such term).</summary>
/// <param name="Loss">what JAT's trainer reports as <c>eval_{task}_loss</c>: the combined RL loss, or the text loss</param>
public sealed record TaskLoss(string Task, int Samples, double Loss, double? ObservationLoss, double? ActionLoss);

/// <summary>
/// The losses as JAT's trainer evaluates a task: the first N samples of its test split (after the processor's
/// windows), in batches of 8 (the Trainer's default evaluation batch), each batch's loss counted once per sample it
/// holds. This is the figure independent implementations compare.
/// </summary>
public static class LossEvaluation
{
    /// <summary>transformers' default <c>per_device_eval_batch_size</c>.</summary>
    public const int DefaultBatchSize = 8;

    /// <summary>train_jat.py's <c>eval_num_samples</c>.</summary>
    public const int DefaultSamples = 1000;

    public static async Task<TaskLoss> EvaluateAsync(JatModel model, string datasetDirectory, TaskSpec task, int samples,
        int batchSize = DefaultBatchSize, string split = "test", IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!TaskSamples.Exists(datasetDirectory, task, split))
            throw new InvalidDataException($"{datasetDirectory} has no {split} split of {task.Name} (no {task.Name}/{split}-*.parquet files).");
        var processor = new JatProcessor(model.Config);
        var device = model.parameters().First().device;
        model.eval();
        var sums = new Sums();
        var batch = new List<Sample>(batchSize);
        await foreach (var sample in TaskSamples.ReadAsync(datasetDirectory, task, split, processor, ct).ConfigureAwait(false))
        {
            batch.Add(sample);
            if (batch.Count == batchSize)
            {
                sums.Add(Run(model, batch, device));
                progress?.Report(sums.Samples);
                batch.Clear();
            }
            if (sums.Samples + batch.Count == samples)
                break;
        }
        if (batch.Count > 0)
        {
            sums.Add(Run(model, batch, device));
            progress?.Report(sums.Samples);
        }
        if (sums.Samples == 0)
            throw new InvalidDataException($"The {split} split of {task.Name} in {datasetDirectory} has no sample to evaluate (no episode with rewards, no text).");
        return new TaskLoss(task.Name, sums.Samples, sums.Loss / sums.Samples,
            sums.HasObservation ? sums.Observation / sums.Samples : null,
            sums.HasAction ? sums.Action / sums.Samples : null);
    }

    /// <summary>
    /// The tasks of a dataset folder's split that <paramref name="filters"/> select: task names, or domains
    /// (<c>atari</c>, <c>mujoco</c>, …) for all of theirs; every task of the split when there is no filter.
    /// </summary>
    /// <exception cref="ArgumentException">A filter names no task of the split (the message lists what there is).</exception>
    public static IReadOnlyList<TaskSpec> TasksIn(string datasetDirectory, IReadOnlyCollection<string> filters, string split = "test")
    {
        var present = Jat.Schema.Shards.DatasetFolder.Scan(datasetDirectory).Shards
            .Where(s => s.Name.Split == split)
            .Select(s => s.Name.Task).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (present.Count == 0)
            throw new ArgumentException($"{datasetDirectory} holds no {split} split of any task.");
        var selected = new List<string>();
        foreach (var filter in filters.Count == 0 ? present : filters)
        {
            var matches = present.Where(t => t == filter || TaskRegistry.Find(t)?.Domain.Id() == filter).ToList();
            if (matches.Count == 0)
                throw new ArgumentException($"{datasetDirectory} has no {split} split of \"{filter}\"; it has {string.Join(", ", present)}.");
            selected.AddRange(matches.Where(m => !selected.Contains(m)));
        }
        return selected.Select(t => TaskRegistry.Find(t)
            ?? throw new ArgumentException($"{t} (in {datasetDirectory}) is not a JAT task; the model reads JAT's tasks only.")).ToList();
    }

    private static (int Count, double Loss, double? Observation, double? Action) Run(JatModel model, IReadOnlyList<Sample> samples, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var output = model.Forward(SampleBatch.Collate(samples, device));
        return (samples.Count, output.Loss!.item<float>(), output.ObservationLoss?.item<float>(), output.ActionLoss?.item<float>());
    }

    private sealed class Sums
    {
        public int Samples;
        public double Loss, Observation, Action;
        public bool HasObservation, HasAction;

        public void Add((int Count, double Loss, double? Observation, double? Action) batch)
        {
            Samples += batch.Count;
            Loss += batch.Loss * batch.Count;
            if (batch.Observation is { } o)
            {
                Observation += o * batch.Count;
                HasObservation = true;
            }
            if (batch.Action is { } a)
            {
                Action += a * batch.Count;
                HasAction = true;
            }
        }
    }
}
