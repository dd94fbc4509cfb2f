using Jat.Environments.BabyAI;
using Jat.Environments.MuJoCo;

namespace Jat.Environments;

/// <summary>Every environment Jat ships, by JAT task name (<c>mujoco-hopper</c>) or original id (<c>Hopper-v4</c>).</summary>
public static class EnvironmentCatalog
{
    /// <summary>The task names that have an environment.</summary>
    public static IReadOnlyList<string> Tasks => [.. BabyAILevels.Tasks, .. MuJoCoTasks.Names];

    public static bool Contains(string taskOrEnvId) => MuJoCoTasks.Contains(taskOrEnvId) || BabyAILevels.Contains(taskOrEnvId);

    /// <summary>A new environment; say which families exist when the name is unknown.</summary>
    public static IEnvironment Create(string taskOrEnvId)
    {
        if (MuJoCoTasks.Contains(taskOrEnvId))
        {
            return MuJoCoTasks.Create(taskOrEnvId);
        }
        if (BabyAILevels.Contains(taskOrEnvId))
        {
            return BabyAILevels.Create(taskOrEnvId);
        }
        throw new ArgumentException(
            $"Jat has no environment for '{taskOrEnvId}' yet. Environments: {string.Join(", ", Tasks)}.", nameof(taskOrEnvId));
    }
}
