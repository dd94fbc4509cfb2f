namespace Jat.Environments;

/// <summary>
/// One environment instance, gymnasium-style: <see cref="Reset"/> then <c>Step</c> until the transition says the episode
/// ended. The current observation lives in <see cref="Observation"/>, whose buffers are reused from step to step so
/// that stepping allocates nothing; copy what must outlive the next step.
/// </summary>
public interface IEnvironment : IDisposable
{
    EnvironmentSpec Spec { get; }

    /// <summary>The observation after the last <see cref="Reset"/> or step.</summary>
    Observation Observation { get; }

    /// <summary>
    /// Starts an episode. With a seed, the environment's generator is reseeded first, as gymnasium's
    /// <c>reset(seed=...)</c> does; without one, it continues its stream (a fresh environment seeds itself from
    /// entropy, like gymnasium).
    /// </summary>
    void Reset(ulong? seed = null);
}

/// <summary>An environment whose actions are vectors of floats inside <see cref="ContinuousActions"/> bounds.</summary>
public interface IContinuousEnvironment : IEnvironment
{
    /// <summary>Applies one action. NaN or infinite values are refused with <see cref="ArgumentException"/>.</summary>
    Transition Step(ReadOnlySpan<float> action);
}

/// <summary>An environment whose actions are integers in <c>[0, DiscreteActions.Count)</c>.</summary>
public interface IDiscreteEnvironment : IEnvironment
{
    Transition Step(int action);
}
