using Jat.Collectors.Actors;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Schema.Columns;
using Jat.Schema.Tasks;

namespace Jat.Collectors.Collection;

/// <summary>One finished attempt: the row to keep, or the reason it was discarded.</summary>
internal sealed record PlayedEpisode(long Attempt, Example? Row, string? DiscardReason, int Steps, double Return);

/// <summary>
/// Plays whole episodes of a task with one actor, on one thread. BabyAI episodes each get a new level: MiniGrid's level
/// generator remembers choices from one episode to the next, so reusing an instance would make an episode depend on
/// which ones the same worker played before it (and the output on the thread count).
/// </summary>
internal sealed class EpisodePlayer(Func<IEnvironment> create, IActor actor, CollectionPlan plan) : IDisposable
{
    private readonly bool _newEnvironmentPerEpisode = plan.Task.Domain == Domain.BabyAI;
    private IEnvironment _environment = create();
    private EpisodeRecorder? _recorder;
    private float[]? _action;

    /// <summary>Plays attempt <paramref name="attempt"/> of a part's seed <paramref name="stream"/>.</summary>
    public PlayedEpisode Play(string stream, long attempt)
    {
        if (_newEnvironmentPerEpisode && _recorder is not null)
        {
            _environment.Dispose();
            _environment = create();
        }
        var environment = _environment;
        _recorder ??= new EpisodeRecorder(environment.Spec);
        _action ??= new float[environment.Spec.Actions is ContinuousActions box ? box.Size : 0];
        environment.Reset(EpisodeSeeds.Reset(plan.Seed, stream, attempt));
        actor.BeginEpisode(environment, EpisodeSeeds.Actor(plan.Seed, stream, attempt));
        _recorder.Clear();
        var continuous = environment as IContinuousEnvironment;
        var discrete = environment as IDiscreteEnvironment;
        while (true)
        {
            _recorder.Observe(environment.Observation);
            if (!actor.TryAct(environment, _action, out var choice))
            {
                return new PlayedEpisode(attempt, null, "the actor could not act (e.g. the bot looped)", _recorder.Steps, _recorder.Return);
            }
            var transition = continuous is not null ? continuous.Step(_action) : discrete!.Step(choice);
            _recorder.Act(_action, choice, transition.Reward);
            if (plan.MaxEpisodeSteps is { } limit && _recorder.Steps > limit)
            {
                return new PlayedEpisode(attempt, null, $"longer than {limit} steps", _recorder.Steps, _recorder.Return);
            }
            if (transition.Done)
            {
                return new PlayedEpisode(attempt, _recorder.ToExample(), null, _recorder.Steps, _recorder.Return);
            }
        }
    }

    public void Dispose()
    {
        actor.Dispose();
        _environment.Dispose();
    }
}
