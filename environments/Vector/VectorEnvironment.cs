namespace Jat.Environments.Vector;

/// <summary>
/// Many copies of one task stepped together, split across threads: the copies are cut into contiguous blocks and each
/// block is stepped on its own thread. Copy <c>i</c> is seeded <c>seed + i</c> and never shares state, so results do
/// not depend on the number of threads. A copy whose episode ends is reset at once (gymnasium's vector
/// convention): <see cref="Observations"/> then holds the new episode's first observation and
/// <see cref="FinalObservations"/> the one the episode ended on.
/// </summary>
public sealed class VectorEnvironment : IDisposable
{
    private readonly IEnvironment[] _copies;
    private readonly int _threads;
    private readonly float[] _continuousActions;
    private readonly int[] _discreteActions;
    private readonly int _observationSize;
    private readonly int _actionSize;
    private readonly double[] _runningReturns;
    private readonly int[] _runningLengths;

    /// <param name="create">Makes copy <c>i</c>.</param>
    /// <param name="threads">Threads to step on; by default one per core.</param>
    public VectorEnvironment(Func<int, IEnvironment> create, int count, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _copies = new IEnvironment[count];
        for (var i = 0; i < count; i++)
        {
            _copies[i] = create(i);
        }
        Spec = _copies[0].Spec;
        _threads = Math.Clamp(threads ?? Environment.ProcessorCount, 1, count);
        _observationSize = Spec.Observation.ContinuousSize;
        _actionSize = Spec.Actions is ContinuousActions continuous ? continuous.Size : 1;
        _continuousActions = new float[count * _actionSize];
        _discreteActions = new int[count];
        Observations = new double[count * _observationSize];
        FinalObservations = new double[count * _observationSize];
        Rewards = new double[count];
        Terminated = new bool[count];
        Truncated = new bool[count];
        EpisodeReturns = new double[count];
        EpisodeLengths = new int[count];
        _runningReturns = new double[count];
        _runningLengths = new int[count];
    }

    public EnvironmentSpec Spec { get; }

    public int Count => _copies.Length;

    /// <summary>The copies themselves (for observation parts other than the float vector).</summary>
    public IReadOnlyList<IEnvironment> Copies => _copies;

    /// <summary>Each copy's continuous observation, copy after copy.</summary>
    public double[] Observations { get; }

    /// <summary>For a copy whose episode just ended, the observation it ended on.</summary>
    public double[] FinalObservations { get; }

    public double[] Rewards { get; }

    public bool[] Terminated { get; }

    public bool[] Truncated { get; }

    /// <summary>For a copy whose episode just ended, the episode's return and length.</summary>
    public double[] EpisodeReturns { get; }

    public int[] EpisodeLengths { get; }

    /// <summary>Resets every copy; copy <c>i</c> is seeded <c>seed + i</c>.</summary>
    public void Reset(ulong seed)
    {
        Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, block =>
        {
            var (from, to) = Block(block);
            for (var i = from; i < to; i++)
            {
                _copies[i].Reset(seed + (ulong)i);
                _runningReturns[i] = 0;
                _runningLengths[i] = 0;
                CopyObservation(i, Observations);
            }
        });
    }

    /// <summary>Steps every copy of a continuous task with its action (<c>Count × action size</c> floats).</summary>
    public void Step(ReadOnlySpan<float> actions)
    {
        if (actions.Length != _continuousActions.Length)
        {
            throw new ArgumentException($"Expected {Count} × {_actionSize} action values, got {actions.Length}.", nameof(actions));
        }
        actions.CopyTo(_continuousActions);
        StepAll(continuous: true);
    }

    /// <summary>Steps every copy of a discrete task with its action.</summary>
    public void Step(ReadOnlySpan<int> actions)
    {
        if (actions.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} actions, got {actions.Length}.", nameof(actions));
        }
        actions.CopyTo(_discreteActions);
        StepAll(continuous: false);
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            copy.Dispose();
        }
    }

    private void StepAll(bool continuous)
    {
        if (_threads == 1)
        {
            StepBlock(0, continuous);
            return;
        }
        Parallel.For(0, _threads, new ParallelOptions { MaxDegreeOfParallelism = _threads }, block => StepBlock(block, continuous));
    }

    private void StepBlock(int block, bool continuous)
    {
        var (from, to) = Block(block);
        for (var i = from; i < to; i++)
        {
            var copy = _copies[i];
            var transition = continuous
                ? ((IContinuousEnvironment)copy).Step(_continuousActions.AsSpan(i * _actionSize, _actionSize))
                : ((IDiscreteEnvironment)copy).Step(_discreteActions[i]);
            Rewards[i] = transition.Reward;
            Terminated[i] = transition.Terminated;
            Truncated[i] = transition.Truncated;
            _runningReturns[i] += transition.Reward;
            _runningLengths[i]++;
            if (transition.Done)
            {
                CopyObservation(i, FinalObservations);
                EpisodeReturns[i] = _runningReturns[i];
                EpisodeLengths[i] = _runningLengths[i];
                _runningReturns[i] = 0;
                _runningLengths[i] = 0;
                copy.Reset();
            }
            CopyObservation(i, Observations);
        }
    }

    private void CopyObservation(int copy, double[] into) =>
        _copies[copy].Observation.Continuous.CopyTo(into.AsSpan(copy * _observationSize, _observationSize));

    private (int From, int To) Block(int block) =>
        (block * Count / _threads, (block + 1) * Count / _threads);
}
