using Jat.Environments;

namespace Jat.Experts.Acting;

/// <summary>
/// Anything that acts well in a task: a trained network from a checkpoint, or a scripted bot. Acts for a batch of
/// observations at once, one action (or one action vector) per observation, already within the action space.
/// </summary>
internal interface IExpert : IDisposable
{
    /// <summary>Fills <paramref name="actions"/> with <c>observations.Count × action size</c> floats.</summary>
    void ActContinuous(IReadOnlyList<Observation> observations, bool deterministic, Span<float> actions);

    /// <summary>Fills <paramref name="actions"/> with one choice per observation.</summary>
    void ActDiscrete(IReadOnlyList<Observation> observations, bool deterministic, Span<int> actions);
}
