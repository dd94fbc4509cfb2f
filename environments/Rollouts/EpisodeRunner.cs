using Jat.Environments.Acting;

namespace Jat.Environments.Rollouts;

/// <summary>
/// Plays whole episodes, a batch side by side on one thread with one actor: each step the actor chooses for every
/// episode still running at once (an expert makes one network call for the batch), then each environment steps. It is
/// the one way Jat plays episodes: collection records them, evaluation scores them, benchmarks time them bare.
/// <para>
/// An episode depends only on its <see cref="EpisodeStart"/>: the environment is reset with its seed and the actor
/// draws from its own, so a batch plays the same whichever thread or machine plays it. Slot <c>i</c> keeps its
/// environment from batch to batch unless the family needs a new one per episode.
/// </para>
/// </summary>
public sealed class EpisodeRunner : IDisposable
{
    private readonly Func<IEnvironment>? _create;
    private readonly bool _newEnvironmentPerEpisode;
    private readonly IActor _actor;
    private readonly IReadOnlyList<IEpisodeRecorder>? _recorders;
    private readonly IEnvironment?[] _environments;
    private readonly int[] _running;
    private readonly int[] _stillRunning;
    private readonly int[] _discrete;
    private readonly bool[] _able;
    private readonly int[] _lengths;
    private readonly double[] _returns;
    private readonly EpisodeDropped? _tooLong;
    private readonly int? _maxSteps;
    private float[] _continuous = [];
    private int _actionSize;

    /// <param name="create">makes one environment of the task</param>
    /// <param name="newEnvironmentPerEpisode">the family's rule (<see cref="Families.IEnvironmentFamily.NewEnvironmentPerEpisode"/>)</param>
    /// <param name="actor">acts for the slots; the runner owns it</param>
    /// <param name="batchSize">episodes played side by side</param>
    /// <param name="maxSteps">an episode still running after this many steps is dropped (JAT's discard rule), if given</param>
    /// <param name="recorders">one per slot, to record what is played; none to play bare</param>
    public EpisodeRunner(Func<IEnvironment> create, bool newEnvironmentPerEpisode, IActor actor, int batchSize,
        int? maxSteps = null, IReadOnlyList<IEpisodeRecorder>? recorders = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (recorders is not null && recorders.Count != batchSize)
            throw new ArgumentException($"Expected one recorder per slot ({batchSize}), got {recorders.Count}.", nameof(recorders));
        _create = create;
        _newEnvironmentPerEpisode = newEnvironmentPerEpisode;
        _actor = actor;
        _recorders = recorders;
        _maxSteps = maxSteps;
        _tooLong = maxSteps is { } limit ? new EpisodeDropped($"longer than {limit} steps") : null;
        _environments = new IEnvironment?[batchSize];
        _running = new int[batchSize];
        _stillRunning = new int[batchSize];
        _discrete = new int[batchSize];
        _able = new bool[batchSize];
        _lengths = new int[batchSize];
        _returns = new double[batchSize];
    }

    /// <summary>
    /// Plays in environments the caller owns and keeps (one per slot, reused from episode to episode): the runner
    /// neither replaces nor disposes them.
    /// </summary>
    public EpisodeRunner(IReadOnlyList<IEnvironment> environments, IActor actor, int? maxSteps = null, IReadOnlyList<IEpisodeRecorder>? recorders = null)
        : this(Borrowed, newEnvironmentPerEpisode: false, actor, environments?.Count ?? 0, maxSteps, recorders)
    {
        _create = null;
        for (var i = 0; i < environments!.Count; i++)
            _environments[i] = environments[i];
    }

    private static readonly Func<IEnvironment> Borrowed = () => throw new InvalidOperationException("borrowed environments are not made");

    public int BatchSize => _environments.Length;

    /// <summary>Plays one episode from each start, side by side; <paramref name="results"/>[i] is that of <paramref name="starts"/>[i].</summary>
    public void Play(ReadOnlySpan<EpisodeStart> starts, Span<EpisodeResult> results)
    {
        var count = starts.Length;
        if (count > BatchSize || results.Length < count)
            throw new ArgumentException($"Plays at most {BatchSize} episodes into as many results, not {count} into {results.Length}.", nameof(starts));
        for (var slot = 0; slot < count; slot++)
        {
            if (_newEnvironmentPerEpisode || _environments[slot] is null)
            {
                _environments[slot]?.Dispose();
                _environments[slot] = _create!();
            }
            var environment = _environments[slot]!;
            if (_continuous.Length == 0 && environment.Spec.Actions is ContinuousActions box)
            {
                _actionSize = box.Size;
                _continuous = new float[_environments.Length * box.Size];
            }
            environment.Reset(starts[slot].ResetSeed);
            _actor.BeginEpisode(slot, environment, starts[slot].ActorSeed);
            _recorders?[slot].Begin(environment.Spec);
            _lengths[slot] = 0;
            _returns[slot] = 0;
            _running[slot] = slot;
        }

        var running = count;
        var environments = (IReadOnlyList<IEnvironment>)_environments!;
        while (running > 0)
        {
            if (_recorders is not null)
            {
                for (var k = 0; k < running; k++)
                    _recorders[_running[k]].Observe(_environments[_running[k]]!.Observation);
            }
            _actor.Act(_running.AsSpan(0, running), environments, _continuous, _discrete, _able);
            var still = 0;
            for (var k = 0; k < running; k++)
            {
                var slot = _running[k];
                if (Advance(slot, k) is { } end)
                    results[slot] = new EpisodeResult(end, _lengths[slot], _returns[slot]);
                else
                    _stillRunning[still++] = slot;
            }
            _stillRunning.AsSpan(0, still).CopyTo(_running);
            running = still;
        }
    }

    /// <summary>Steps slot <paramref name="slot"/> with its chosen action (row <paramref name="row"/>); how it ended, if it did.</summary>
    private EpisodeEnd? Advance(int slot, int row)
    {
        if (!_able[row])
            return EpisodeEnd.ActorStopped;
        var action = _continuous.AsSpan(row * _actionSize, _actionSize);
        var transition = _environments[slot] is IContinuousEnvironment continuous
            ? continuous.Step(action)
            : ((IDiscreteEnvironment)_environments[slot]!).Step(_discrete[row]);
        _recorders?[slot].Record(action, _discrete[row], transition.Reward);
        _lengths[slot]++;
        _returns[slot] += transition.Reward;
        if (_lengths[slot] > _maxSteps)
            return _tooLong;
        if (!transition.Done)
            return null;
        return transition.Terminated ? EpisodeEnd.Terminated : EpisodeEnd.Truncated;
    }

    /// <summary>Disposes the actor, and the environments the runner made.</summary>
    public void Dispose()
    {
        _actor.Dispose();
        if (_create is null)
            return;
        foreach (var environment in _environments)
            environment?.Dispose();
    }
}
