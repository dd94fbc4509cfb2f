using Jat.Environments;
using Jat.Environments.Evaluation;

namespace Jat.Collectors.Actors;

/// <summary>A uniform random policy (gymnasium's <c>action_space.sample()</c>): JAT's random baseline.</summary>
public sealed class RandomActorSource : IActorSource
{
    public string Description => "uniform random actions";

    public int BatchSize => 1;

    public IActor Create() => new RandomActor();

    private sealed class RandomActor : IActor
    {
        private readonly List<RandomPolicy?> _policies = [];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
            while (_policies.Count <= slot)
            {
                _policies.Add(null);
            }
            _policies[slot] = new RandomPolicy(environment.Spec.Actions, seed);
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            for (var k = 0; k < slots.Length; k++)
            {
                var environment = environments[slots[k]];
                var policy = _policies[slots[k]] ?? throw new InvalidOperationException("BeginEpisode was not called.");
                if (environment.Spec.Actions is ContinuousActions box)
                {
                    policy.Act(continuous.Slice(k * box.Size, box.Size));
                }
                else
                {
                    discrete[k] = policy.ActDiscrete();
                }
                able[k] = true;
            }
        }

        public void Dispose()
        {
        }
    }
}
