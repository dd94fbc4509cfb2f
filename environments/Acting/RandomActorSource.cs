namespace Jat.Environments.Acting;

/// <summary>A uniform random policy (gymnasium's <c>action_space.sample()</c>): JAT's random baseline.</summary>
public sealed class RandomActorSource : IActorSource
{
    public string Description => "uniform random actions";

    /// <summary>
    /// Each episode acts on its own, but episodes travel to the shard writer a batch at a time: with batches of one,
    /// BabyAI's short episodes (five steps on GoToLocal) spent more time handing over than playing.
    /// </summary>
    public int BatchSize => 16;

    public IActor Create() => new RandomActor();

    private sealed class RandomActor : IActor
    {
        private readonly PerSlot<RandomPolicy> _policies = new();

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed) =>
            _policies.Begin(slot, new RandomPolicy(environment.Spec.Actions, seed));

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            for (var k = 0; k < slots.Length; k++)
            {
                var policy = _policies[slots[k]];
                if (environments[slots[k]].Spec.Actions is ContinuousActions box)
                    policy.Act(continuous.Slice(k * box.Size, box.Size));
                else
                    discrete[k] = policy.ActDiscrete();
                able[k] = true;
            }
        }

        public void Dispose()
        {
        }
    }
}
