using Jat.Environments;

namespace Jat.Experts.Rollouts;

/// <summary>
/// What the learners need from N copies of a task stepped together, with gymnasium's auto-reset: after a step, a copy
/// whose episode ended already shows the next episode's first observation, and <see cref="Final"/> shows the one it
/// ended on (needed to bootstrap truncated episodes). Learners depend only on this, so the way copies are stepped
/// (one thread, blocks across threads, other processes) can change underneath them.
/// </summary>
public interface IVectorEnvironment : IDisposable
{
    EnvironmentSpec Spec { get; }

    int Count { get; }

    /// <summary>Copy <paramref name="copy"/>'s current observation; its buffers change on the next step.</summary>
    Observation Current(int copy);

    /// <summary>The observation copy <paramref name="copy"/>'s episode ended on, valid after a step that ended it.</summary>
    Observation Final(int copy);

    ReadOnlySpan<double> Rewards { get; }

    ReadOnlySpan<bool> Terminated { get; }

    ReadOnlySpan<bool> Truncated { get; }

    /// <summary>For a copy whose episode just ended, its undiscounted return.</summary>
    ReadOnlySpan<double> EpisodeReturns { get; }

    /// <summary>For a copy whose episode just ended, its length.</summary>
    ReadOnlySpan<int> EpisodeLengths { get; }

    /// <summary>Resets every copy; copy <c>i</c> is seeded <c>seed + i</c>.</summary>
    void Reset(ulong seed);

    /// <summary>Steps every copy of a continuous task (<c>Count × action size</c> floats, already within bounds).</summary>
    void Step(ReadOnlySpan<float> actions);

    /// <summary>Steps every copy of a discrete task.</summary>
    void Step(ReadOnlySpan<int> actions);
}
