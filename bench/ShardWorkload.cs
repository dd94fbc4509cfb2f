using Jat.Schema.Columns;
using Jat.Schema.Samples;
using Jat.Schema.Tasks;

namespace Jat.Benchmarks;

/// <summary>Rows of one kind of episode, made once before any timing: generating them (PNG encoding included) is not the writer's cost.</summary>
internal sealed record ShardWorkload(string Name, TaskSpec Task, IReadOnlyList<Example> Rows)
{
    public long Steps => Rows.Sum(r => (long)(r.Rewards?.Count ?? 0));

    /// <summary>
    /// Arrow-like in-memory size, as the writer counts it for row groups: 4 B a float, 8 B an int64, the image bytes,
    /// and 4 B an offset (one per row for each list column; one per step for each vector, and two per image:
    /// its bytes and its null path).
    /// </summary>
    public long Bytes => Rows.Sum(r =>
        ListBytes(r.Rewards, _ => 4)
        + ListBytes(r.DiscreteActions, _ => 8)
        + ListBytes(r.ImageObservations, png => 8L + png.Length)
        + ListBytes(r.ContinuousObservations, v => 4 + 4L * v.Length)
        + ListBytes(r.ContinuousActions, v => 4 + 4L * v.Length));

    public static ShardWorkload Create(string name, string task, int episodes, int steps, IProgress<string>? progress)
    {
        var spec = TaskRegistry.Get(task);
        progress?.Report($"making {episodes:N0} {name} episodes ({task}) of {steps:N0} steps, before any timing");
        var rows = new Example[episodes];
        Parallel.For(0, episodes, i => rows[i] = SampleRows.Create(spec, i, seed: 11, steps));
        return new ShardWorkload(name, spec, rows);
    }

    private static long ListBytes<T>(IReadOnlyList<T>? items, Func<T, long> size) => items is null ? 0 : 4 + items.Sum(size);
}
