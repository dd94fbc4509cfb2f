using Jat.Schema.Columns;
using Jat.Schema.Samples;
using Jat.Schema.Tasks;

namespace Jat.Benchmarks;

/// <summary>Rows of one kind of episode, made once before any timing: generating them is not the writer's cost.</summary>
internal sealed record ShardWorkload(string Name, TaskSpec Task, IReadOnlyList<Example> Rows)
{
    public long Steps => Rows.Sum(r => (long)(r.Rewards?.Count ?? 0));

    /// <summary>Arrow-like in-memory size: 4 B a float, 8 B an int64, image bytes, plus 4 B offsets per list entry.</summary>
    public long Bytes => Rows.Sum(r =>
        (r.Rewards?.Count ?? 0) * 8L
        + (r.DiscreteActions?.Count ?? 0) * 12L
        + (r.ImageObservations?.Sum(i => i.Length + 8L) ?? 0)
        + (r.ContinuousObservations?.Sum(v => v.Length * 4L + 4) ?? 0)
        + (r.ContinuousActions?.Sum(v => v.Length * 4L + 4) ?? 0));

    public static ShardWorkload Create(string name, string task, int episodes, int steps, IProgress<string>? progress)
    {
        var spec = TaskRegistry.Get(task);
        progress?.Report($"making {episodes:N0} {name} episodes of {steps} steps");
        var rows = new Example[episodes];
        Parallel.For(0, episodes, i => rows[i] = SampleRows.Create(spec, i, seed: 11, steps));
        return new ShardWorkload(name, spec, rows);
    }
}
