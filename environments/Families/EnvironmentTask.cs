namespace Jat.Environments.Families;

/// <summary>One task a family plays: its JAT name (<c>mujoco-hopper</c>) and the original's id (<c>Hopper-v4</c>).</summary>
public sealed record EnvironmentTask(string Task, string EnvId)
{
    public bool Matches(string taskOrEnvId) =>
        string.Equals(Task, taskOrEnvId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(EnvId, taskOrEnvId, StringComparison.OrdinalIgnoreCase);
}
