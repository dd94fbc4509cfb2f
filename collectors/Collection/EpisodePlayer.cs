using Jat.Collectors.Actors;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Schema.Columns;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Collection;

/// <summary>One finished attempt: the row to keep, or the reason it was discarded.</summary>
internal sealed record PlayedEpisode(long Attempt, Example? Row, string? DiscardReason, int Steps, double Return);

/// <summary>
/// Plays a batch of attempts side by side with one actor, on one thread: each step, the actor chooses for every episode
/// still running at once, then each environment steps. BabyAI episodes each get a new level: MiniGrid's level generator
/// remembers choices from one episode to the next, so reusing an instance would make an episode depend on which ones
/// the same thread played before it (and the output on the thread count).
/// </summary>
internal sealed class EpisodePlayer : IDisposable
{
    private readonly Func<IEnvironment> _create;
    private readonly IActor _actor;
    private readonly CollectionPlan _plan;
    private readonly bool _newEnvironmentPerEpisode;
    private readonly IEnvironment?[] _environments;
    private readonly EpisodeRecorder?[] _recorders;
    private readonly int[] _running;
    private readonly int[] _stillRunning;
    private readonly int[] _discrete;
    private readonly bool[] _able;
    private float[] _continuous = [];
    private int _actionSize;

    private readonly StepArrayPool _arrays;

    public EpisodePlayer(Func<IEnvironment> create, IActor actor, CollectionPlan plan, int batchSize, StepArrayPool arrays)
    {
        _arrays = arrays;
        _create = create;
        _actor = actor;
        _plan = plan;
        _newEnvironmentPerEpisode = plan.Task.Domain == Domain.BabyAI;
        _environments = new IEnvironment?[batchSize];
        _recorders = new EpisodeRecorder?[batchSize];
        _running = new int[batchSize];
        _stillRunning = new int[batchSize];
        _discrete = new int[batchSize];
        _able = new bool[batchSize];
    }

    /// <summary>Plays attempts <paramref name="first"/> … <c>first + count - 1</c> of a part's seed <paramref name="stream"/>.</summary>
    public PlayedEpisode[] Play(string stream, long first, int count)
    {
        var played = new PlayedEpisode[count];
        for (var slot = 0; slot < count; slot++)
        {
            if (_newEnvironmentPerEpisode || _environments[slot] is null)
            {
                _environments[slot]?.Dispose();
                _environments[slot] = _create();
            }
            var environment = _environments[slot]!;
            if (_continuous.Length == 0 && environment.Spec.Actions is ContinuousActions box)
            {
                _actionSize = box.Size;
                _continuous = new float[_environments.Length * box.Size];
            }
            var attempt = first + slot;
            environment.Reset(EpisodeSeeds.Reset(_plan.Seed, stream, attempt));
            _actor.BeginEpisode(slot, environment, EpisodeSeeds.Actor(_plan.Seed, stream, attempt));
            (_recorders[slot] ??= new EpisodeRecorder(environment.Spec, _arrays)).Clear();
            _running[slot] = slot;
        }

        var running = count;
        var environments = (IReadOnlyList<IEnvironment>)_environments!;
        while (running > 0)
        {
            for (var k = 0; k < running; k++)
            {
                _recorders[_running[k]]!.Observe(_environments[_running[k]]!.Observation);
            }
            _actor.Act(_running.AsSpan(0, running), environments, _continuous, _discrete, _able);
            var still = 0;
            for (var k = 0; k < running; k++)
            {
                var slot = _running[k];
                if (Advance(slot, k, first + slot) is { } done)
                {
                    played[slot] = done;
                }
                else
                {
                    _stillRunning[still++] = slot;
                }
            }
            _stillRunning.AsSpan(0, still).CopyTo(_running);
            running = still;
        }
        return played;
    }

    /// <summary>Steps slot <paramref name="slot"/> with its chosen action (row <paramref name="row"/>); the episode if it ended.</summary>
    private PlayedEpisode? Advance(int slot, int row, long attempt)
    {
        var recorder = _recorders[slot]!;
        if (!_able[row])
        {
            return new PlayedEpisode(attempt, null, "the actor could not act (e.g. the bot looped)", recorder.Steps, recorder.Return);
        }
        var action = _continuous.AsSpan(row * _actionSize, _actionSize);
        var transition = _environments[slot] is IContinuousEnvironment continuous
            ? continuous.Step(action)
            : ((IDiscreteEnvironment)_environments[slot]!).Step(_discrete[row]);
        recorder.Act(action, _discrete[row], transition.Reward);
        if (_plan.MaxEpisodeSteps is { } limit && recorder.Steps > limit)
        {
            return new PlayedEpisode(attempt, null, $"longer than {limit} steps", recorder.Steps, recorder.Return);
        }
        return transition.Done ? new PlayedEpisode(attempt, recorder.ToExample(), null, recorder.Steps, recorder.Return) : null;
    }

    public void Dispose()
    {
        _actor.Dispose();
        foreach (var environment in _environments)
        {
            environment?.Dispose();
        }
    }
}
