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

    public IActor Create() => new BotActor();

    private sealed class BotActor : IActor
    {
        private BabyAIBot? _bot;

        public void BeginEpisode(IEnvironment environment, ulong seed) =>
            _bot = new BabyAIBot(environment as RoomGridLevel
                ?? throw new ArgumentException($"The BabyAI bot plays BabyAI levels, not {environment.Spec.Task}."));

        public bool TryAct(IEnvironment environment, Span<float> continuous, out int discrete)
        {
            var bot = _bot ?? throw new InvalidOperationException("BeginEpisode was not called.");
            return bot.TryReplan(out discrete);
        }

        public void Dispose()
        {
        }
    }
}
