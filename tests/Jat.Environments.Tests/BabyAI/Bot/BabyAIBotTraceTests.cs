using System.Text.Json;
using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.Bot;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>
/// The bot against the original's recorded choices: 39 levels × 5 seeds, every level reset from its seed alone, the
/// bot asked once per step as JAT asked it.
/// </summary>
public sealed class BabyAIBotTraceTests
{
    public static TheoryData<string> EnvIds() => [.. BabyAILevels.EnvIds];

    [Theory]
    [MemberData(nameof(EnvIds))]
    public void ChoosesTheRecordedActionAtEveryStepAndFailsWhereTheOriginalGotStuck(string envId)
    {
        if (SharedReference.Traces("babyai") is not { } folder)
        {
            return;
        }
        var file = Path.Combine(folder, envId + ".jsonl");
        var episodes = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var document = JsonDocument.Parse(line);
            var episode = document.RootElement;
            var seed = episode.GetProperty("seed").GetInt64();
            var stuck = episode.GetProperty("bot_stuck").GetBoolean();
            using var level = BabyAILevels.Create(envId);
            level.Reset((ulong)seed);
            var bot = new Jat.Environments.BabyAI.Bot.BabyAIBot(level);
            var step = 0;
            foreach (var recorded in episode.GetProperty("steps").EnumerateArray())
            {
                var expected = recorded.GetProperty("action").GetInt32();
                Assert.True(bot.TryReplan(out var action), $"{envId} seed {seed} step {step}: the bot gave no action ({bot.Failure})");
                Assert.True(expected == action, $"{envId} seed {seed} step {step}: recorded action {expected}, the bot chose {action}");
                level.Step(action);
                step++;
            }
            if (stuck)
            {
                Assert.False(bot.TryReplan(out _), $"{envId} seed {seed}: the original got stuck at step {step}, this bot did not");
                Assert.Equal(BotFailureKind.Looped, bot.Failure!.Kind);
                Assert.Equal(step, bot.Failure.Replan);
            }
            episodes++;
        }
        Assert.Equal(5, episodes);
    }
}
