using System.Runtime.ExceptionServices;

namespace Jat.Environments.Vector;

/// <summary>
/// Many copies of one task stepped together, with gymnasium's auto-reset: after a step, a copy whose episode ended
/// already shows the next episode's first observation (<see cref="Current"/>), and <see cref="Final"/> shows the one it
/// ended on (needed to bootstrap truncated episodes). Works for every observation layout. The copies are cut into
/// contiguous blocks, one per thread; copy <c>i</c> is seeded <c>seed + i</c> and never shares state with another, so
/// results do not depend on the number of threads.
/// </summary>
public sealed class VectorEnvironment : IDisposable
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
    private readonly int _threads;
    private readonly int _actionSize;

    // Worker threads cannot see the caller's spans, so actions are copied here; the options and block delegates are
    // made once so that a step allocates nothing of its own beyond what Parallel.For does.
    private readonly float[] _continuousActions;
    private readonly int[] _discreteActions;
    private readonly ParallelOptions _parallel;
    private readonly Action<int> _stepContinuousBlock;
    private readonly Action<int> _stepDiscreteBlock;
    private readonly Action<int> _resetBlock;
    private ulong _resetSeed;

    /// <param name="create">Makes copy <c>i</c>.</param>
    /// <param name="threads">Threads to step on (at most one per copy); 1 steps every copy on the calling thread.</param>
    public VectorEnvironment(Func<int, IEnvironment> create, int count, int threads)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _copies = new IEnvironment[count];
        for (var i = 0; i < count; i++)
        {
            _copies[i] = create(i);
        }
        Spec = _copies[0].Spec;
        _threads = Math.Min(threads, count);
        _actionSize = Spec.Actions is ContinuousActions box ? box.Size : 1;
        _finals = [.. Enumerable.Range(0, count).Select(_ => new Observation(Spec.Observation))];
        _rewards = new double[count];
        _terminated = new bool[count];
        _truncated = new bool[count];
        _episodeReturns = new double[count];
        _episodeLengths = new int[count];
        _runningReturns = new double[count];
        _runningLengths = new int[count];
        _continuousActions = _threads > 1 && Spec.Actions is ContinuousActions ? new float[count * _actionSize] : [];
        _discreteActions = _threads > 1 && Spec.Actions is DiscreteActions ? new int[count] : [];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = _threads };
        _stepContinuousBlock = block =>
        {
            var (from, to) = Block(block);
            StepContinuous(from, to, _continuousActions);
        };
        _stepDiscreteBlock = block =>
        {
            var (from, to) = Block(block);
            StepDiscrete(from, to, _discreteActions);
        };
        _resetBlock = block =>
        {
            var (from, to) = Block(block);
            Reset(from, to, _resetSeed);
        };
    }

    public EnvironmentSpec Spec { get; }

    public int Count => _copies.Length;

    public ReadOnlySpan<double> Rewards => _rewards;

    public ReadOnlySpan<bool> Terminated => _terminated;

    public ReadOnlySpan<bool> Truncated => _truncated;

    /// <summary>For a copy whose episode just ended, its undiscounted return.</summary>
    public ReadOnlySpan<double> EpisodeReturns => _episodeReturns;

    /// <summary>For a copy whose episode just ended, its length.</summary>
    public ReadOnlySpan<int> EpisodeLengths => _episodeLengths;

    /// <summary>Copy <paramref name="copy"/>'s current observation; its buffers change on the next step.</summary>
    public Observation Current(int copy) => _copies[copy].Observation;

    /// <summary>The observation copy <paramref name="copy"/>'s episode ended on, valid after a step that ended it.</summary>
    public Observation Final(int copy) => _finals[copy];

    /// <summary>Resets every copy; copy <c>i</c> is seeded <c>seed + i</c>.</summary>
    public void Reset(ulong seed)
    {
        if (_threads == 1)
        {
            Reset(0, Count, seed);
            return;
        }
        _resetSeed = seed;
        InBlocks(_resetBlock);
    }

    /// <summary>Steps every copy of a continuous task (<c>Count × action size</c> floats, already within bounds).</summary>
    public void Step(ReadOnlySpan<float> actions)
    {
        if (Spec.Actions is not ContinuousActions)
        {
            throw new InvalidOperationException($"{Spec.Task} takes discrete actions.");
        }
        if (actions.Length != Count * _actionSize)
        {
            throw new ArgumentException($"Expected {Count} × {_actionSize} action values, got {actions.Length}.", nameof(actions));
        }
        if (_threads == 1)
        {
            StepContinuous(0, Count, actions);
            return;
        }
        actions.CopyTo(_continuousActions);
        InBlocks(_stepContinuousBlock);
    }

    /// <summary>Steps every copy of a discrete task.</summary>
    public void Step(ReadOnlySpan<int> actions)
    {
        if (Spec.Actions is not DiscreteActions)
        {
            throw new InvalidOperationException($"{Spec.Task} takes continuous actions.");
        }
        if (actions.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} actions, got {actions.Length}.", nameof(actions));
        }
        if (_threads == 1)
        {
            StepDiscrete(0, Count, actions);
            return;
        }
        actions.CopyTo(_discreteActions);
        InBlocks(_stepDiscreteBlock);
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            copy.Dispose();
        }
    }

    private void InBlocks(Action<int> block)
    {
        try
        {
            Parallel.For(0, _threads, _parallel, block);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // A copy's error then reads as it does on one thread (an ArgumentException for a NaN action, say).
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private void Reset(int from, int to, ulong seed)
    {
        for (var i = from; i < to; i++)
        {
            _copies[i].Reset(seed + (ulong)i);
            _runningReturns[i] = 0;
            _runningLengths[i] = 0;
        }
    }

    private void StepContinuous(int from, int to, ReadOnlySpan<float> actions)
    {
        for (var i = from; i < to; i++)
        {
            Record(i, ((IContinuousEnvironment)_copies[i]).Step(actions.Slice(i * _actionSize, _actionSize)));
        }
    }

    private void StepDiscrete(int from, int to, ReadOnlySpan<int> actions)
    {
        for (var i = from; i < to; i++)
        {
            Record(i, ((IDiscreteEnvironment)_copies[i]).Step(actions[i]));
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

    private (int From, int To) Block(int block) =>
        (block * Count / _threads, (block + 1) * Count / _threads);
}
