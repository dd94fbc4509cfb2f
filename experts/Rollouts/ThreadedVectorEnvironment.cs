using Jat.Environments;
using Jat.Environments.Vector;

namespace Jat.Experts.Rollouts;

/// <summary>
/// <see cref="VectorEnvironment"/> (copies stepped in blocks across threads) seen as an <see cref="IVectorEnvironment"/>.
/// That stepper keeps only the float vector of a final observation, so it serves tasks whose observations are just
/// that vector (MuJoCo, Meta-World).
/// </summary>
internal sealed class ThreadedVectorEnvironment : IVectorEnvironment
{
    private readonly VectorEnvironment _inner;
    private readonly Observation[] _finals;
    private readonly int _size;

    public ThreadedVectorEnvironment(Func<int, IEnvironment> create, int count, int threads)
    {
        _inner = new VectorEnvironment(create, count, threads);
        if (!ServesLayout(_inner.Spec.Observation))
        {
            _inner.Dispose();
            throw new ArgumentException("The threaded stepper keeps only continuous observations.", nameof(create));
        }
        _size = Spec.Observation.ContinuousSize;
        _finals = [.. Enumerable.Range(0, count).Select(_ => new Observation(Spec.Observation))];
    }

    public EnvironmentSpec Spec => _inner.Spec;

    public int Count => _inner.Count;

    public ReadOnlySpan<double> Rewards => _inner.Rewards;

    public ReadOnlySpan<bool> Terminated => _inner.Terminated;

    public ReadOnlySpan<bool> Truncated => _inner.Truncated;

    public ReadOnlySpan<double> EpisodeReturns => _inner.EpisodeReturns;

    public ReadOnlySpan<int> EpisodeLengths => _inner.EpisodeLengths;

    public static bool ServesLayout(ObservationLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.DiscreteSize == 0 && !layout.HasText && layout.Image is null;
    }

    public Observation Current(int copy) => _inner.Copies[copy].Observation;

    public Observation Final(int copy)
    {
        _inner.FinalObservations.AsSpan(copy * _size, _size).CopyTo(_finals[copy].Continuous);
        return _finals[copy];
    }

    public void Reset(ulong seed) => _inner.Reset(seed);

    public void Step(ReadOnlySpan<float> actions) => _inner.Step(actions);

    public void Step(ReadOnlySpan<int> actions) => _inner.Step(actions);

    public void Dispose() => _inner.Dispose();
}
