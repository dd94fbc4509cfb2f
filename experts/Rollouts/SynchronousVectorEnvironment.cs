using Jat.Environments;

namespace Jat.Experts.Rollouts;

/// <summary>
/// The copies stepped one after another on the calling thread; works for every observation layout (text, discrete,
/// image), keeping a full copy of each episode's final observation.
/// </summary>
internal sealed class SynchronousVectorEnvironment : IVectorEnvironment
{
    private readonly IEnvironment[] _copies;
    private readonly Observation[] _finals;
    private readonly double[] _rewards;
    private readonly bool[] _terminated;
    private readonly bool[] _truncated;
    private readonly double[] _episodeReturns;
    private readonly int[] _episodeLengths;
    private readonly double[] _runningReturns;
    private readonly int[] _runningLengths;
    private readonly int _actionSize;

    public SynchronousVectorEnvironment(Func<int, IEnvironment> create, int count)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _copies = new IEnvironment[count];
        for (var i = 0; i < count; i++)
        {
            _copies[i] = create(i);
        }
        Spec = _copies[0].Spec;
        _actionSize = Spec.Actions is ContinuousActions box ? box.Size : 1;
        _finals = [.. Enumerable.Range(0, count).Select(_ => new Observation(Spec.Observation))];
        _rewards = new double[count];
        _terminated = new bool[count];
        _truncated = new bool[count];
        _episodeReturns = new double[count];
        _episodeLengths = new int[count];
        _runningReturns = new double[count];
        _runningLengths = new int[count];
    }

    public EnvironmentSpec Spec { get; }

    public int Count => _copies.Length;

    public ReadOnlySpan<double> Rewards => _rewards;

    public ReadOnlySpan<bool> Terminated => _terminated;

    public ReadOnlySpan<bool> Truncated => _truncated;

    public ReadOnlySpan<double> EpisodeReturns => _episodeReturns;

    public ReadOnlySpan<int> EpisodeLengths => _episodeLengths;

    public Observation Current(int copy) => _copies[copy].Observation;

    public Observation Final(int copy) => _finals[copy];

    public void Reset(ulong seed)
    {
        for (var i = 0; i < Count; i++)
        {
            _copies[i].Reset(seed + (ulong)i);
            _runningReturns[i] = 0;
            _runningLengths[i] = 0;
        }
    }

    public void Step(ReadOnlySpan<float> actions)
    {
        if (actions.Length != Count * _actionSize)
        {
            throw new ArgumentException($"Expected {Count} × {_actionSize} action values, got {actions.Length}.", nameof(actions));
        }
        for (var i = 0; i < Count; i++)
        {
            Record(i, ((IContinuousEnvironment)_copies[i]).Step(actions.Slice(i * _actionSize, _actionSize)));
        }
    }

    public void Step(ReadOnlySpan<int> actions)
    {
        if (actions.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} actions, got {actions.Length}.", nameof(actions));
        }
        for (var i = 0; i < Count; i++)
        {
            Record(i, ((IDiscreteEnvironment)_copies[i]).Step(actions[i]));
        }
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            copy.Dispose();
        }
    }

    private void Record(int i, Transition transition)
    {
        _rewards[i] = transition.Reward;
        _terminated[i] = transition.Terminated;
        _truncated[i] = transition.Truncated;
        _runningReturns[i] += transition.Reward;
        _runningLengths[i]++;
        if (!transition.Done)
        {
            return;
        }
        var current = _copies[i].Observation;
        var final = _finals[i];
        current.Continuous.CopyTo(final.Continuous, 0);
        current.Discrete.CopyTo(final.Discrete, 0);
        current.Image.CopyTo(final.Image, 0);
        final.Text = current.Text;
        _episodeReturns[i] = _runningReturns[i];
        _episodeLengths[i] = _runningLengths[i];
        _runningReturns[i] = 0;
        _runningLengths[i] = 0;
        _copies[i].Reset();
    }
}
