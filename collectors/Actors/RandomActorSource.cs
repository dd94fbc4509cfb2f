using Jat.Environments;
using Jat.Environments.Evaluation;

namespace Jat.Collectors.Actors;

/// <summary>A uniform random policy (gymnasium's <c>action_space.sample()</c>): JAT's random baseline.</summary>
public sealed class RandomActorSource : IActorSource
{
    public string Description => "uniform random actions";

    public IActor Create() => new RandomActor();

    private sealed class RandomActor : IActor
    {
        private RandomPolicy? _policy;

        public void BeginEpisode(IEnvironment environment, ulong seed) =>
            _policy = new RandomPolicy(environment.Spec.Actions, seed);

        public bool TryAct(IEnvironment environment, Span<float> continuous, out int discrete)
        {
            var policy = _policy ?? throw new InvalidOperationException("BeginEpisode was not called.");
            if (environment.Spec.Actions is DiscreteActions)
            {
                discrete = policy.ActDiscrete();
                return true;
            }
            policy.Act(continuous);
            discrete = 0;
            return true;
        }

        public void Dispose()
        {
        }
    }
}
