using Jat.Environments.BabyAI;
using Jat.Environments.Families;
using Jat.Environments.MetaWorld;
using Jat.Environments.MuJoCo;

namespace Jat.Environments;

/// <summary>
/// Every environment family Jat has, and through them every environment by JAT task name (<c>mujoco-hopper</c>) or
/// original id (<c>Hopper-v4</c>). A new family adds one line to <see cref="Builtin"/>; a program that brings its own
/// (a test) calls <see cref="Register"/>.
/// </summary>
public static class EnvironmentCatalog
{
    private static readonly IEnvironmentFamily[] Builtin =
    [
        BabyAIFamily.Instance,
        MuJoCoFamily.Instance,
        MetaWorldFamily.Instance,
    ];

    private static readonly Lock Gate = new();
    private static IEnvironmentFamily[] _families = Builtin;

    public static IReadOnlyList<IEnvironmentFamily> Families => Volatile.Read(ref _families);

    /// <summary>The task names that have an environment.</summary>
    public static IReadOnlyList<string> Tasks => [.. Families.SelectMany(f => f.Tasks).Select(t => t.Task)];

    /// <summary>Adds a family; its task names must not be taken.</summary>
    public static void Register(IEnvironmentFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        lock (Gate)
        {
            if (_families.Contains(family))
                return;
            if (family.Tasks.FirstOrDefault(t => Find(t.Task) is not null || Find(t.EnvId) is not null) is { } taken)
                throw new ArgumentException($"family '{family.Name}': the task {taken.Task} ({taken.EnvId}) is already another family's.", nameof(family));
            Volatile.Write(ref _families, [.. _families, family]);
        }
    }

    public static bool Contains(string taskOrEnvId) => Find(taskOrEnvId) is not null;

    /// <summary>The family that plays a task, and the task under its JAT name; null when no family has it.</summary>
    public static (IEnvironmentFamily Family, EnvironmentTask Task)? Find(string taskOrEnvId)
    {
        foreach (var family in Families)
        {
            if (family.Tasks.FirstOrDefault(t => t.Matches(taskOrEnvId)) is { } task)
                return (family, task);
        }
        return null;
    }

    /// <summary>The family of a task; say which tasks exist when the name is unknown.</summary>
    public static IEnvironmentFamily FamilyOf(string taskOrEnvId) => Find(taskOrEnvId)?.Family ?? throw Unknown(taskOrEnvId);

    /// <summary>A new environment; say which tasks exist when the name is unknown.</summary>
    public static IEnvironment Create(string taskOrEnvId) => FamilyOf(taskOrEnvId).Create(taskOrEnvId);

    private static ArgumentException Unknown(string taskOrEnvId) => new(
        $"Jat has no environment for '{taskOrEnvId}' yet. Environments: {string.Join(", ", Tasks)}.", nameof(taskOrEnvId));
}
