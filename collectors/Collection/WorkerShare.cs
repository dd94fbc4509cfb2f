namespace Jat.Collectors.Collection;

/// <summary>
/// Worker <see cref="Worker"/> of <see cref="Workers"/> (<c>--worker i --workers N</c>): which shards of a set of
/// collections it writes. Every worker computes the same assignment from the same plans, so N copies of one command
/// (a Slurm array, a Kubernetes Indexed Job) write disjoint shards whose folders merge by file name into the dataset
/// one worker writes alone.
/// </summary>
public sealed record WorkerShare
{
    public WorkerShare(int worker, int workers)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "--workers must be at least 1.");
        }
        if (worker < 0 || worker >= workers)
        {
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"--worker is numbered from 0 to --workers - 1 ({workers - 1}), not {worker}.");
        }
        Worker = worker;
        Workers = workers;
    }

    public static WorkerShare Whole { get; } = new(0, 1);

    public int Worker { get; }

    public int Workers { get; }

    /// <summary>
    /// The parts of each plan this worker writes, in the plans' order (a plan with no part here is left out).
    /// Parts go, largest first, to the least loaded worker (the lowest-numbered on a tie), the load being a part's
    /// episodes times its task's usual episode length: the shares come out even whatever the mix of tasks.
    /// </summary>
    public IReadOnlyList<(CollectionPlan Plan, IReadOnlyList<CollectionPart> Parts)> Assign(IReadOnlyList<CollectionPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var units = plans.SelectMany((plan, p) => plan.Parts.Select((part, k) => (Plan: p, Part: k, Load: part.Episodes * plan.StepsPerEpisode)))
            .OrderByDescending(u => u.Load).ThenBy(u => u.Plan).ThenBy(u => u.Part)
            .ToList();
        var loads = new long[Workers];
        var mine = new HashSet<(int Plan, int Part)>();
        foreach (var unit in units)
        {
            var least = 0;
            for (var w = 1; w < Workers; w++)
            {
                if (loads[w] < loads[least])
                {
                    least = w;
                }
            }
            loads[least] += unit.Load;
            if (least == Worker)
            {
                mine.Add((unit.Plan, unit.Part));
            }
        }
        return [.. plans.Select((plan, p) => (plan, (IReadOnlyList<CollectionPart>)[.. plan.Parts.Where((_, k) => mine.Contains((p, k)))]))
            .Where(x => x.Item2.Count > 0)];
    }

    /// <summary>Whether this worker writes item <paramref name="index"/> of a list shared out in turn (tasks without parts).</summary>
    public bool Takes(int index) => index % Workers == Worker;
}
