using Jat.Collectors.Collection;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Tests.Collection;

/// <summary>Workers share a set of collections: every shard goes to exactly one worker, and the shares are even.</summary>
public sealed class WorkerShareTests
{
    private static readonly IReadOnlyList<CollectionPlan> Plans =
    [
        CollectionPlan.For(TaskRegistry.Get("mujoco-hopper"), null, 0),
        CollectionPlan.For(TaskRegistry.Get("babyai-go-to-local"), null, 0),
        CollectionPlan.For(TaskRegistry.Get("babyai-boss-level"), 2_000, 0),
        CollectionPlan.For(TaskRegistry.Get("mujoco-reacher"), 300, 0),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void Every_shard_goes_to_exactly_one_worker(int workers)
    {
        var taken = Enumerable.Range(0, workers)
            .SelectMany(w => new WorkerShare(w, workers).Assign(Plans).SelectMany(m => m.Parts.Select(p => (m.Plan.Task.Name, p))))
            .ToList();

        var all = Plans.SelectMany(plan => plan.Parts.Select(p => (plan.Task.Name, p))).ToList();
        Assert.Equal(all.Count, taken.Count);
        Assert.Equal(all.ToHashSet(), taken.ToHashSet());
    }

    [Fact]
    public void Two_workers_get_even_loads()
    {
        long Load(int worker) => new WorkerShare(worker, 2).Assign(Plans)
            .Sum(m => m.Parts.Sum(p => p.Episodes) * (m.Plan.Task.Domain == Domain.BabyAI ? 50 : 1_000));

        var (a, b) = (Load(0), Load(1));

        Assert.InRange(Math.Abs(a - b) / (double)(a + b), 0, 0.1);
    }

    [Fact]
    public void One_worker_writes_everything_in_plan_order()
    {
        var mine = WorkerShare.Whole.Assign(Plans);

        Assert.Equal(Plans, mine.Select(m => m.Plan));
        Assert.All(mine, m => Assert.Equal(m.Plan.Parts, m.Parts));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    public void A_worker_outside_the_count_is_refused(int worker, int workers) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerShare(worker, workers));
}
