using Jat.Environments;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Collection;

/// <summary>
/// What to collect for one task: how many episodes to keep, how many go to <c>train</c> (the rest to <c>test</c>),
/// which episodes are discarded, the seed every episode's seed derives from, and how many episodes each shard holds.
/// </summary>
public sealed record CollectionPlan(TaskSpec Task, long Episodes, long TrainEpisodes, int? MaxEpisodeSteps, ulong Seed)
{
    /// <summary>Bytes of step data a shard is sized for: under the Hub's 500 MB per file once compressed.</summary>
    private const long ShardBytes = 250_000_000;

    /// <summary>The shards of a task no family sizes: BabyAI's size.</summary>
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
    internal long StepsPerEpisode => EnvironmentCatalog.Find(Task.Name) is { } found ? found.Family.SizeOf(found.Task.Task).TypicalSteps : 1_000;

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
    /// always cuts the same shards: as many of the task's largest episodes as fit in a shard, by its family's figure.
    /// </remarks>
    private static long EpisodesPerShardOf(TaskSpec task) =>
        EnvironmentCatalog.Find(task.Name) is { } found
            ? Math.Max(1, ShardBytes / Math.Max(1, found.Family.SizeOf(found.Task.Task).LargestBytes))
            : DefaultEpisodesPerShard;
}
