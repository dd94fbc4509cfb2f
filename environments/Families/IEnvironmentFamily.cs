namespace Jat.Environments.Families;

/// <summary>
/// An environment family (BabyAI, MuJoCo, …): one folder under <c>environments/</c> and one descriptor registered in
/// <see cref="EnvironmentCatalog"/>. Collection, evaluation, plans and the command line ask the descriptor what they
/// need to know about a family's tasks; none of them names a family.
/// </summary>
public interface IEnvironmentFamily
{
    /// <summary>The family's id, the prefix of its task names and its domain's name: <c>babyai</c>, <c>mujoco</c>.</summary>
    string Name { get; }

    /// <summary>The tasks it plays, in JAT's order.</summary>
    IReadOnlyList<EnvironmentTask> Tasks { get; }

    /// <summary>A new environment for one of <see cref="Tasks"/> (by task name or original id), not yet reset.</summary>
    /// <exception cref="EnvironmentUnavailableException">what the family needs is missing on this machine.</exception>
    IEnvironment Create(string taskOrEnvId);

    /// <summary>
    /// Whether every episode needs a new instance: an environment that carries state from one episode to the next
    /// (MiniGrid's level generator) would make an episode depend on which ones the same instance played before it.
    /// </summary>
    bool NewEnvironmentPerEpisode { get; }

    /// <summary>The size of a task's episodes, known without making an environment.</summary>
    EpisodeSize SizeOf(string task);

    /// <summary>What plays the task's episodes for the dataset when no actor is named.</summary>
    DefaultActor DefaultActor { get; }

    /// <summary>Episodes per task in <c>jat regenerate</c>'s embedded plan, sized to how fast the family plays.</summary>
    long DefaultPlanEpisodes(string task);

    /// <summary>Throws, in one line, what is missing when the family cannot run here; returns when it can.</summary>
    /// <exception cref="EnvironmentUnavailableException">a native library, assets or ROMs are missing.</exception>
    void EnsureAvailable();
}
