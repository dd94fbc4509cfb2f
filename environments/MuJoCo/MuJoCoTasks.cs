using Jat.Environments.MuJoCo.Locomotion;

namespace Jat.Environments.MuJoCo;

/// <summary>The 11 MuJoCo tasks of JAT, by task name and by gymnasium id.</summary>
public static class MuJoCoTasks
{
    private static readonly (string Task, string EnvId, Func<MuJoCoEnvironment> Create)[] All =
    [
        ("mujoco-ant", "Ant-v4", () => new Ant()),
        ("mujoco-doublependulum", "InvertedDoublePendulum-v4", () => new InvertedDoublePendulum()),
        ("mujoco-halfcheetah", "HalfCheetah-v4", () => new HalfCheetah()),
        ("mujoco-hopper", "Hopper-v4", () => new Hopper()),
        ("mujoco-humanoid", "Humanoid-v4", () => new Humanoid()),
        ("mujoco-pendulum", "InvertedPendulum-v4", () => new InvertedPendulum()),
        ("mujoco-pusher", "Pusher-v4", () => new Pusher()),
        ("mujoco-reacher", "Reacher-v4", () => new Reacher()),
        ("mujoco-standup", "HumanoidStandup-v4", () => new HumanoidStandup()),
        ("mujoco-swimmer", "Swimmer-v4", () => new Swimmer()),
        ("mujoco-walker", "Walker2d-v4", () => new Walker2d()),
    ];

    /// <summary>The task names, e.g. <c>mujoco-hopper</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(entry => entry.Task)];

    public static bool Contains(string taskOrEnvId) => All.Any(entry => Matches(entry, taskOrEnvId));

    /// <summary>A new environment for a task name (<c>mujoco-hopper</c>) or a gymnasium id (<c>Hopper-v4</c>).</summary>
    public static MuJoCoEnvironment Create(string taskOrEnvId)
    {
        foreach (var entry in All)
        {
            if (Matches(entry, taskOrEnvId))
            {
                return entry.Create();
            }
        }
        throw new ArgumentException(
            $"'{taskOrEnvId}' is not a MuJoCo task; Jat has {string.Join(", ", Names)}.", nameof(taskOrEnvId));
    }

    private static bool Matches((string Task, string EnvId, Func<MuJoCoEnvironment> Create) entry, string name) =>
        string.Equals(entry.Task, name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(entry.EnvId, name, StringComparison.OrdinalIgnoreCase);
}
