using Jat.Environments;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Collection;

/// <summary>
/// What to collect for one task: how many episodes to keep, how many go to <c>train</c> (the rest to <c>test</c>),
/// which episodes are discarded, the seed every episode's seed derives from, and how many episodes each shard holds.
/// </summary>
public sealed record CollectionPlan(TaskSpec Task, long Episodes, long TrainEpisodes, int? MaxEpisodeSteps, ulong Seed)
{
    /// <summary>Bytes of raw step data a shard is sized for: under the Hub's 500 MB per file once compressed.</summary>
    private const long ShardRawBytes = 250_000_000;

    /// <summary>
    /// BabyAI's shards, and those of a task without an environment to size steps by. BabyAI's steps compress well
    /// (mostly repeated small integers): its longest levels measured 9.3 KB per episode, about 230 MB per shard.
    /// </summary>
    private const long DefaultEpisodesPerShard = 25_000;

    /// <summary>Kept episodes per shard; the shards of a split are its <see cref="Parts"/>.</summary>
    public long EpisodesPerShard { get; init; } = long.MaxValue;

    /// <summary>
    /// JAT's rule for the task's domain (reference §2), or a smaller collection of <paramref name="episodes"/> split
    /// in the same proportion (MuJoCo 90/10, BabyAI 95/5, Meta-World 16,000/17,600).
    /// </summary>
    public static CollectionPlan For(TaskSpec task, long? episodes, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        var rule = task.Split;
        if (!task.Domain.IsReinforcementLearning())
        {
            throw new ArgumentException($"{task.Name} is not an environment task; its rows come from `jat convert {task.Name}`.");
        }
        if (rule.Episodes is not { } full || rule.TrainEpisodes is not { } fullTrain || rule.Shuffled)
        {
            throw new ArgumentException($"{task.Name}: collecting by step budget with a shuffled split ({rule.Description}) is not supported yet.");
        }
        var total = episodes ?? full;
        if (total < 2)
        {
            throw new ArgumentException($"--episodes must be at least 2 (one for train, one for test), not {total}.");
        }
        var train = Math.Clamp((long)Math.Round(total * (double)fullTrain / full), 1, total - 1);
        return new CollectionPlan(task, total, train, rule.MaxEpisodeSteps, seed) { EpisodesPerShard = EpisodesPerShardOf(task) };
    }

    public long TestEpisodes => Episodes - TrainEpisodes;

    /// <summary>The shards to write, train first: each split cut into parts of <see cref="EpisodesPerShard"/> episodes.</summary>
    public IReadOnlyList<CollectionPart> Parts => [.. PartsOf("train", TrainEpisodes), .. PartsOf("test", TestEpisodes)];

    /// <summary>A rough cost of one episode, in environment steps, to share parts evenly between workers.</summary>
    internal long StepsPerEpisode => Task.Domain switch
    {
        Domain.BabyAI => 50,
        Domain.MetaWorld => 100,
        _ => 1_000,
    };

    private IEnumerable<CollectionPart> PartsOf(string split, long episodes)
    {
        var size = Math.Max(1, EpisodesPerShard);
        var count = (int)((episodes + size - 1) / size);
        for (var i = 0; i < count; i++)
        {
            yield return new CollectionPart(split, i, count, Math.Min(size, episodes - i * size));
        }
    }

    /// <remarks>
    /// Fixed by the task alone, never by the size of the collection or the number of workers, so that the same plan
    /// always cuts the same shards. A step's raw size comes from the environment's spaces (float32 observations and
    /// actions, a float32 reward), over a whole time-limited episode.
    /// </remarks>
    private static long EpisodesPerShardOf(TaskSpec task)
    {
        if (task.Domain == Domain.BabyAI || !EnvironmentCatalog.Contains(task.Name))
        {
            return DefaultEpisodesPerShard;
        }
        using var environment = EnvironmentCatalog.Create(task.Name);
        var spec = environment.Spec;
        var actions = spec.Actions is ContinuousActions box ? box.Size : 1;
        long stepBytes = 4L * (spec.Observation.ContinuousSize + actions + 1) + 8L * spec.Observation.DiscreteSize;
        return Math.Max(1, ShardRawBytes / (stepBytes * Math.Max(1, spec.MaxEpisodeSteps)));
    }
}
