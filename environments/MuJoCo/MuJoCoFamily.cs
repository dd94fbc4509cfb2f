using Jat.Environments.Families;
using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.MuJoCo;

/// <summary>
/// The 11 gymnasium v4 locomotion tasks on the MuJoCo 2.2.2 library, played by the PPO experts Jat ships (sampled
/// actions, as JAT's data took them).
/// </summary>
public sealed class MuJoCoFamily : IEnvironmentFamily
{
    /// <summary>
    /// The tasks whose physics is slowest (Ant ~6k, Humanoid and HumanoidStandup ~3.5k steps/s on 2 cores, against ~21k
    /// for Hopper and ~38k for Swimmer, measured with `jat bench collect`): the default plan plays a tenth as many.
    /// </summary>
    private static readonly HashSet<string> SlowPhysics = ["mujoco-ant", "mujoco-humanoid", "mujoco-standup"];

    public static MuJoCoFamily Instance { get; } = new();

    private MuJoCoFamily()
    {
    }

    public string Name => "mujoco";

    public IReadOnlyList<EnvironmentTask> Tasks { get; } = [.. MuJoCoTasks.All.Select(entry => entry.Task)];

    public bool NewEnvironmentPerEpisode => false;

    public DefaultActor DefaultActor { get; } = new ShippedCheckpointActor(Deterministic: false);

    public IEnvironment Create(string taskOrEnvId) => MuJoCoTasks.Create(taskOrEnvId);

    /// <summary>A whole time-limited episode of float32 observations, actions and rewards.</summary>
    public EpisodeSize SizeOf(string task)
    {
        var entry = MuJoCoTasks.Get(task);
        long stepBytes = 4L * (entry.ObservationSize + entry.ActionSize + 1);
        return new EpisodeSize(TypicalSteps: 1_000, LargestBytes: stepBytes * entry.MaxEpisodeSteps);
    }

    /// <summary>A tenth of JAT's 10,000 episodes, a hundredth for the slowest physics: about ten minutes in all on 2 cores.</summary>
    public long DefaultPlanEpisodes(string task) => SlowPhysics.Contains(MuJoCoTasks.Get(task).Task.Task) ? 100 : 1_000;

    public void EnsureAvailable() => MuJoCoLibrary.EnsureLoaded();
}
