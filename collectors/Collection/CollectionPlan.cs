using Jat.Schema.Tasks;

namespace Jat.Collectors.Collection;

/// <summary>
/// What to collect for one task: how many episodes to keep, how many of the first go to <c>train</c> (the rest to
/// <c>test</c>), which episodes are discarded, and the seed every episode's seed derives from.
/// </summary>
public sealed record CollectionPlan(TaskSpec Task, long Episodes, long TrainEpisodes, int? MaxEpisodeSteps, ulong Seed)
{
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
        return new CollectionPlan(task, total, train, rule.MaxEpisodeSteps, seed);
    }

    public long TestEpisodes => Episodes - TrainEpisodes;
}
