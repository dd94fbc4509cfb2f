using Jat.Environments.Families;
using Jat.Environments.MuJoCo.Locomotion;

namespace Jat.Environments.MuJoCo;

/// <summary>The 11 MuJoCo tasks of JAT, by task name and by gymnasium id, with the sizes of their spaces.</summary>
public static class MuJoCoTasks
{
    /// <summary>One task: how to make it, and its spaces' sizes and time limit (gymnasium v4's; a test checks them
    /// against the environments), known without loading the model.</summary>
    internal sealed record Entry(EnvironmentTask Task, Func<MuJoCoEnvironment> Create, int ObservationSize, int ActionSize, int MaxEpisodeSteps);

    internal static IReadOnlyList<Entry> All { get; } =
    [
        new(new("mujoco-ant", "Ant-v4"), () => new Ant(), 27, 8, 1000),
        new(new("mujoco-doublependulum", "InvertedDoublePendulum-v4"), () => new InvertedDoublePendulum(), 11, 1, 1000),
        new(new("mujoco-halfcheetah", "HalfCheetah-v4"), () => new HalfCheetah(), 17, 6, 1000),
        new(new("mujoco-hopper", "Hopper-v4"), () => new Hopper(), 11, 3, 1000),
        new(new("mujoco-humanoid", "Humanoid-v4"), () => new Humanoid(), 376, 17, 1000),
        new(new("mujoco-pendulum", "InvertedPendulum-v4"), () => new InvertedPendulum(), 4, 1, 1000),
        new(new("mujoco-pusher", "Pusher-v4"), () => new Pusher(), 23, 7, 100),
        new(new("mujoco-reacher", "Reacher-v4"), () => new Reacher(), 11, 2, 50),
        new(new("mujoco-standup", "HumanoidStandup-v4"), () => new HumanoidStandup(), 376, 17, 1000),
        new(new("mujoco-swimmer", "Swimmer-v4"), () => new Swimmer(), 8, 2, 1000),
        new(new("mujoco-walker", "Walker2d-v4"), () => new Walker2d(), 17, 6, 1000),
    ];

    /// <summary>The task names, e.g. <c>mujoco-hopper</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(entry => entry.Task.Task)];

    public static bool Contains(string taskOrEnvId) => Find(taskOrEnvId) is not null;

    /// <summary>A new environment for a task name (<c>mujoco-hopper</c>) or a gymnasium id (<c>Hopper-v4</c>).</summary>
    public static MuJoCoEnvironment Create(string taskOrEnvId) => Get(taskOrEnvId).Create();

    internal static Entry Get(string taskOrEnvId) => Find(taskOrEnvId) ?? throw new ArgumentException(
        $"'{taskOrEnvId}' is not a MuJoCo task; Jat has {string.Join(", ", Names)}.", nameof(taskOrEnvId));

    private static Entry? Find(string taskOrEnvId) => All.FirstOrDefault(entry => entry.Task.Matches(taskOrEnvId));
}
