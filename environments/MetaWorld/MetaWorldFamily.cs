using Jat.Environments.Families;
using Jat.Environments.MetaWorld.Assets;
using Jat.Environments.MetaWorld.Sawyer;
using Jat.Environments.MuJoCo.Native;

namespace Jat.Environments.MetaWorld;

/// <summary>
/// Meta-World's v2 Sawyer tasks under JAT's wrapper, on the MuJoCo 2.2.2 library and the user's copy of Meta-World's
/// model files (never shipped: <see cref="MetaWorldAssets"/> finds and verifies them). JAT's data took its experts'
/// most likely actions.
/// </summary>
public sealed class MetaWorldFamily : IEnvironmentFamily
{
    public static MetaWorldFamily Instance { get; } = new();

    private MetaWorldFamily()
    {
    }

    public string Name => "metaworld";

    public IReadOnlyList<EnvironmentTask> Tasks { get; } = [.. MetaWorldTasks.All.Select(entry => entry.Task)];

    /// <summary>Every reset starts from the state of a newly built environment, so an instance carries nothing over.</summary>
    public bool NewEnvironmentPerEpisode => false;

    public DefaultActor DefaultActor { get; } = new ShippedCheckpointActor(Deterministic: true);

    public IEnvironment Create(string taskOrEnvId) => MetaWorldTasks.Create(taskOrEnvId);

    /// <summary>Always 100 steps of 39 observed floats, 4 action floats and a reward, stored as float32.</summary>
    public EpisodeSize SizeOf(string task)
    {
        MetaWorldTasks.Get(task);
        return new EpisodeSize(TypicalSteps: SawyerEnvironment.MaxEpisodeSteps, LargestBytes: 4L * (39 + 4 + 1) * SawyerEnvironment.MaxEpisodeSteps);
    }

    /// <summary>
    /// 200 of JAT's 17,600 episodes: an episode simulates 1,000 physics steps (500 in its reset, 500 in its 100
    /// steps), about a tenth of a second on one core, so the 50 tasks take about ten minutes on 2 cores.
    /// </summary>
    public long DefaultPlanEpisodes(string task) => 200;

    /// <summary>The MuJoCo library, then the user's Meta-World files, verified against the manifest.</summary>
    public void EnsureAvailable()
    {
        MuJoCoLibrary.EnsureLoaded();
        MetaWorldAssets.Folder();
    }
}
