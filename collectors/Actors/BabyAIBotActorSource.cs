using Jat.Environments;
using Jat.Environments.BabyAI.Levels;
using Jat.Experts.BabyAIBot;

namespace Jat.Collectors.Actors;

/// <summary>
/// The BabyAI bot, JAT's expert for BabyAI: a new bot per episode, built on the freshly reset level and asked once per
/// step. When it cannot act (it loops, as the original does on some UnlockToUnlock layouts), the collector drops the
/// episode and counts it, as JAT did.
/// </summary>
public sealed class BabyAIBotActorSource : IActorSource
{
    public string Description => "the BabyAI bot (JAT's expert for BabyAI), one replan per step";

    /// <summary>
    /// Each episode acts on its own, but episodes travel to the shard writer a batch at a time: with batches of one,
    /// BabyAI's short episodes (five steps on GoToLocal) spent more time handing over than playing.
    /// </summary>
    public int BatchSize => 16;

    public IActor Create() => new BotActor();

    private sealed class BotActor : IActor
    {
        private readonly List<BabyAIBot?> _bots = [];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed)
        {
            while (_bots.Count <= slot)
            {
                _bots.Add(null);
            }
            _bots[slot] = new BabyAIBot(environment as RoomGridLevel
                ?? throw new ArgumentException($"The BabyAI bot plays BabyAI levels, not {environment.Spec.Task}."));
        }

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            for (var k = 0; k < slots.Length; k++)
            {
                var bot = _bots[slots[k]] ?? throw new InvalidOperationException("BeginEpisode was not called.");
                able[k] = bot.TryReplan(out discrete[k]);
            }
        }

        public void Dispose()
        {
        }
    }
}
