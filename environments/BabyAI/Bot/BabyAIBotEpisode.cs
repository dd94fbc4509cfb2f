using Jat.Environments.BabyAI.Levels;
using Jat.Environments.Rollouts;

namespace Jat.Environments.BabyAI.Bot;

/// <summary>How an episode played by the bot ended.</summary>
internal enum BotEpisodeOutcome
{
    /// <summary>The mission was completed (positive reward).</summary>
    Succeeded,

    /// <summary>The verifier failed the mission.</summary>
    Failed,

    /// <summary>The level's step limit ran out.</summary>
    Truncated,

    /// <summary>The bot would have replanned forever; JAT discarded such episodes.</summary>
    BotLooped,

    /// <summary>The bot raised; JAT discarded such episodes.</summary>
    BotCrashed,

    /// <summary>More than 1,000 steps went by without an end; JAT discarded such episodes.</summary>
    TooLong,
}

/// <summary>One episode played by the bot.</summary>
/// <param name="Length">Steps taken.</param>
/// <param name="BotTicks">Stopwatch ticks spent choosing actions.</param>
/// <param name="Replans">Calls to the bot (one per step, plus the failing one if it failed).</param>
internal sealed record BabyAIBotEpisodeResult(
    ulong Seed, BotEpisodeOutcome Outcome, int Length, double Return, BotFailure? Failure, long BotTicks, int Replans,
    int MostPlansInOneReplan, int LargestGrowthInOneReplan, int DeepestStack)
{
    /// <summary>Whether JAT's collection kept the episode (it dropped those the bot could not finish and overlong ones).</summary>
    public bool Kept => Outcome is BotEpisodeOutcome.Succeeded or BotEpisodeOutcome.Failed or BotEpisodeOutcome.Truncated;
}

/// <summary>
/// Plays one episode as JAT's collection did, on the <see cref="EpisodeRunner"/> that collection uses: reset from the
/// seed, a new bot, one replan per step until the episode ends, the bot fails, or 1,000 steps have gone by without an
/// end (JAT raised on the 1,001st).
/// </summary>
internal static class BabyAIBotEpisode
{
    /// <summary>JAT's limit: an episode still running after this many steps was discarded.</summary>
    public const int MaxSteps = BabyAIBotActorSource.StepLimit;

    /// <param name="actions">Receives the actions chosen, if given.</param>
    public static BabyAIBotEpisodeResult Play(RoomGridLevel level, ulong seed, List<int>? actions = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        var bot = new BabyAIBotActorSource.BotActor();
        using var runner = new EpisodeRunner([level], bot, MaxSteps, actions is null ? null : [new ActionList(actions)]);
        var results = new EpisodeResult[1];
        runner.Play([new EpisodeStart(seed, seed)], results);
        var (end, length, total) = results[0];
        var played = bot.Bot(0);
        var outcome = end switch
        {
            EpisodeFinished { IsTerminated: true } => total > 0 ? BotEpisodeOutcome.Succeeded : BotEpisodeOutcome.Failed,
            EpisodeFinished => BotEpisodeOutcome.Truncated,
            _ when played.Failure is { } failure => failure.Kind == BotFailureKind.Looped ? BotEpisodeOutcome.BotLooped : BotEpisodeOutcome.BotCrashed,
            _ => BotEpisodeOutcome.TooLong,
        };
        return new BabyAIBotEpisodeResult(seed, outcome, length, total, played.Failure, bot.Ticks, bot.Replans, played.MostPlansInOneReplan,
            played.LargestGrowthInOneReplan, played.DeepestStack);
    }


    /// <summary>Keeps the actions an episode took.</summary>
    private sealed class ActionList(List<int> actions) : IEpisodeRecorder
    {
        public void Begin(EnvironmentSpec spec) => actions.Clear();

        public void Observe(Observation observation)
        {
        }

        public void Record(ReadOnlySpan<float> continuousAction, int discreteAction, double reward) => actions.Add(discreteAction);
    }
}
