using Jat.Collectors.Actors;
using Jat.Collectors.Episodes;
using Jat.Environments;
using Jat.Schema.Columns;

namespace Jat.Collectors.Collection;

/// <summary>One finished attempt: the row to keep, or the reason it was discarded.</summary>
internal sealed record PlayedEpisode(long Attempt, Example? Row, string? DiscardReason, int Steps, double Return);

/// <summary>Plays whole episodes of one environment with one actor, on one thread.</summary>
internal sealed class EpisodePlayer(IEnvironment environment, IActor actor, CollectionPlan plan) : IDisposable
{
    private readonly EpisodeRecorder _recorder = new(environment.Spec);
    private readonly float[] _action = new float[environment.Spec.Actions is ContinuousActions box ? box.Size : 0];

    public PlayedEpisode Play(long attempt)
    {
        var task = plan.Task.Name;
        environment.Reset(EpisodeSeeds.Reset(plan.Seed, task, attempt));
        actor.BeginEpisode(environment, EpisodeSeeds.Actor(plan.Seed, task, attempt));
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
        environment.Dispose();
    }
}
