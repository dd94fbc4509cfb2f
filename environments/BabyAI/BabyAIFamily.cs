using Jat.Environments.BabyAI.Bot;
using Jat.Environments.Families;

namespace Jat.Environments.BabyAI;

/// <summary>The 39 BabyAI levels of JAT on Jat's MiniGrid, played by the BabyAI bot, JAT's expert for them.</summary>
public sealed class BabyAIFamily : IEnvironmentFamily
{
    public static BabyAIFamily Instance { get; } = new();

    private BabyAIFamily()
    {
    }

    public string Name => "babyai";

    public IReadOnlyList<EnvironmentTask> Tasks { get; } =
        [.. BabyAILevels.Tasks.Zip(BabyAILevels.EnvIds, (task, envId) => new EnvironmentTask(task, envId))];

    /// <summary>MiniGrid's level generator remembers choices from one episode to the next.</summary>
    public bool NewEnvironmentPerEpisode => true;

    public DefaultActor DefaultActor { get; } = new ScriptedActor(() => new BabyAIBotActorSource());

    public IEnvironment Create(string taskOrEnvId) => BabyAILevels.Create(taskOrEnvId);

    /// <remarks>
    /// Steps compress well (mostly repeated small integers): the longest levels measured 9.3 KB per episode in a shard,
    /// so 10 KB puts 25,000 episodes (about 230 MB) in a shard.
    /// </remarks>
    public EpisodeSize SizeOf(string task) => new(TypicalSteps: 50, LargestBytes: 10_000);

    /// <summary>A fifth of JAT's 100,000 episodes: the bot plays a level's in seconds.</summary>
    public long DefaultPlanEpisodes(string task) => 20_000;

    /// <summary>Pure C#: nothing to install.</summary>
    public void EnsureAvailable()
    {
    }
}
