namespace Jat.Environments;

/// <summary>What an environment is: the JAT task it serves, the original's id, its spaces and its time limit.</summary>
/// <param name="Task">The JAT task name, e.g. <c>mujoco-hopper</c>.</param>
/// <param name="EnvId">The original environment's id, e.g. <c>Hopper-v4</c>.</param>
/// <param name="MaxEpisodeSteps">The time limit after which an episode is truncated.</param>
public sealed record EnvironmentSpec(
    string Task, string EnvId, ObservationLayout Observation, ActionSpace Actions, int MaxEpisodeSteps);

/// <summary>The parts an observation has; a size of 0 means the part is absent.</summary>
/// <param name="ContinuousSize">Length of the float vector (MuJoCo, Meta-World).</param>
/// <param name="DiscreteSize">Length of the integer vector (BabyAI's direction + 7×7×3 view).</param>
/// <param name="HasText">Whether there is a text part (BabyAI's mission).</param>
/// <param name="Image">Height, width and channels of an image part (Atari), if any.</param>
public sealed record ObservationLayout(int ContinuousSize, int DiscreteSize = 0, bool HasText = false, ImageShape? Image = null);

/// <summary>The shape of an image observation.</summary>
public sealed record ImageShape(int Height, int Width, int Channels);

/// <summary>The action space.</summary>
public abstract record ActionSpace;

/// <summary>Vectors of <c>Low.Count</c> floats, each within <c>[Low[i], High[i]]</c>.</summary>
public sealed record ContinuousActions(IReadOnlyList<double> Low, IReadOnlyList<double> High) : ActionSpace
{
    public int Size => Low.Count;
}

/// <summary>Integers in <c>[0, Count)</c>; <see cref="Names"/> says what each does, where the original names them.</summary>
public sealed record DiscreteActions(int Count, IReadOnlyList<string>? Names = null) : ActionSpace
{
    /// <summary>Two spaces are equal when they have the same count; names only describe the actions.</summary>
    public bool Equals(DiscreteActions? other) => other is not null && Count == other.Count;

    public override int GetHashCode() => Count;

    /// <summary>The name of an action, or its number.</summary>
    public string NameOf(int action) =>
        Names is { } names && action >= 0 && action < names.Count ? names[action] : action.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
