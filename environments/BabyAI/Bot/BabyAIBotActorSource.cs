using Jat.Environments.Acting;
using Jat.Environments.BabyAI.Levels;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>
/// The BabyAI bot, JAT's expert for BabyAI: a new bot per episode, built on the freshly reset level and asked once per
/// step. When it cannot act (it loops, as the original does on some UnlockToUnlock layouts), the episode is dropped
/// and counted, as JAT did.
/// </summary>
public sealed class BabyAIBotActorSource : IActorSource
{
    /// <summary>
    /// JAT's limit for the bot's episodes: one still running after this many steps was discarded (JAT raised on the
    /// 1,001st). The dataset's rule is BabyAI's split rule in Jat.Schema, which collection follows; a test keeps the two
    /// equal.
    /// </summary>
    public const int StepLimit = 1000;

    public string Description => "the BabyAI bot (JAT's expert for BabyAI), one replan per step";

    /// <summary>
    /// Each episode acts on its own, but episodes travel to the shard writer a batch at a time: with batches of one,
    /// BabyAI's short episodes (five steps on GoToLocal) spent more time handing over than playing.
    /// </summary>
    public int BatchSize => 16;

    public IActor Create() => new BotActor();

    /// <summary>The bots of a batch; <see cref="BabyAIBotEpisode"/> reads them for its diagnostics.</summary>
    internal sealed class BotActor : IActor
    {
        private readonly PerSlot<BabyAIBot> _bots = new();

        /// <summary>Stopwatch ticks spent choosing actions and calls to the bot, over the actor's life.</summary>
        public long Ticks { get; private set; }

        public int Replans { get; private set; }

        public BabyAIBot Bot(int slot) => _bots[slot];

        public void BeginEpisode(int slot, IEnvironment environment, ulong seed) =>
            _bots.Begin(slot, new BabyAIBot(environment as RoomGridLevel
                ?? throw new ArgumentException($"The BabyAI bot plays BabyAI levels, not {environment.Spec.Task}.")));

        public void Act(ReadOnlySpan<int> slots, IReadOnlyList<IEnvironment> environments, Span<float> continuous, Span<int> discrete, Span<bool> able)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var k = 0; k < slots.Length; k++)
                able[k] = _bots[slots[k]].TryReplan(out discrete[k]);
            Ticks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
            Replans += slots.Length;
        }

        public void Dispose()
        {
        }
    }
}
