using System.Diagnostics;
using Jat.Environments.BabyAI.Levels;

namespace Jat.Experts.BabyAIBot;

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
/// Plays one episode as JAT's collection did: reset from the seed, a new bot, one replan per step until the episode
/// ends, the bot fails, or 1,000 steps have gone by without an end (JAT raised on the 1,001st).
/// </summary>
internal static class BabyAIBotEpisode
{
    /// <summary>JAT's limit: an episode still running after this many steps plus one was discarded.</summary>
    public const int MaxSteps = 1000;

    /// <param name="actions">Receives the actions chosen, if given.</param>
    public static BabyAIBotEpisodeResult Play(RoomGridLevel level, ulong seed, List<int>? actions = null)
    {
        ArgumentNullException.ThrowIfNull(level);
        level.Reset(seed);
        var bot = new BabyAIBot(level);
        var length = 0;
        var total = 0.0;
        long ticks = 0;
        var replans = 0;
        BotEpisodeOutcome outcome;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var acted = bot.TryReplan(out var action);
            ticks += Stopwatch.GetTimestamp() - started;
            replans++;
            if (!acted)
            {
                outcome = bot.Failure!.Kind == BotFailureKind.Looped ? BotEpisodeOutcome.BotLooped : BotEpisodeOutcome.BotCrashed;
                break;
            }
            actions?.Add(action);
            var transition = level.Step(action);
            length++;
            total += transition.Reward;
            if (transition.Terminated)
            {
                outcome = transition.Reward > 0 ? BotEpisodeOutcome.Succeeded : BotEpisodeOutcome.Failed;
                break;
            }
            if (transition.Truncated)
            {
                outcome = BotEpisodeOutcome.Truncated;
                break;
            }
            if (length > MaxSteps)
            {
                outcome = BotEpisodeOutcome.TooLong;
                break;
            }
        }
        return new BabyAIBotEpisodeResult(seed, outcome, length, total, bot.Failure, ticks, replans, bot.MostPlansInOneReplan,
            bot.LargestGrowthInOneReplan, bot.DeepestStack);
    }
}
