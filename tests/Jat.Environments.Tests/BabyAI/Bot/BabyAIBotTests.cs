using Jat.Environments.BabyAI;
using Jat.Environments.BabyAI.World;
using Jat.Environments.BabyAI.Bot;

namespace Jat.Environments.Tests.BabyAI.Bot;

/// <summary>The bot's loop guard, failures and knowledge, from seeds alone (no reference files needed).</summary>
public sealed class BabyAIBotTests
{
    [Fact]
    public void GivesNoActionWhereTheOriginalReplansForeverAndStaysFailed()
    {
        // UnlockToUnlock seed 4: the original returned one action, then never returned from its second replan.
        using var level = BabyAILevels.Create("babyai-unlock-to-unlock");
        level.Reset(4);
        var bot = new Jat.Environments.BabyAI.Bot.BabyAIBot(level);

        Assert.True(bot.TryReplan(out var first));
        level.Step(first);
        Assert.False(bot.TryReplan(out var none));
        Assert.Equal(-1, none);
        Assert.Equal(BotFailureKind.Looped, bot.Failure!.Kind);
        Assert.Equal(1, bot.Failure.Replan);
        Assert.False(bot.TryReplan(out _));
    }

    [Fact]
    public void FailsWhereTheOriginalRaises()
    {
        // MiniBossLevel seed 797: the original bot fails its assertion that something is carried before a drop, after
        // 71 actions (checked against the original on this seed).
        using var level = BabyAILevels.Create("babyai-mini-boss-level");
        var result = BabyAIBotEpisode.Play(level, 797);

        Assert.Equal(BotEpisodeOutcome.BotCrashed, result.Outcome);
        Assert.Equal(71, result.Length);
        Assert.Equal(BotFailureKind.Crashed, result.Failure!.Kind);
        Assert.Contains("nothing is carried", result.Failure.Message, StringComparison.Ordinal);
        Assert.False(result.Kept);
    }

    [Fact]
    public void KnowsExactlyTheCellsTheAgentHasSeen()
    {
        using var level = BabyAILevels.Create("babyai-go-to");
        level.Reset(0);
        var bot = new Jat.Environments.BabyAI.Bot.BabyAIBot(level);
        var everSeen = new bool[level.Width, level.Height];
        for (var step = 0; step < 30; step++)
        {
            for (var vx = 0; vx < EgocentricView.Size; vx++)
            {
                for (var vy = 0; vy < EgocentricView.Size; vy++)
                {
                    var cell = EgocentricView.WorldPosition(level.AgentPosition, level.AgentDirection, vx, vy);
                    if (level.View.IsVisible(vx, vy) && level.Grid.Contains(cell.X, cell.Y))
                    {
                        everSeen[cell.X, cell.Y] = true;
                    }
                }
            }
            Assert.True(bot.TryReplan(out var action));
            for (var x = 0; x < level.Width; x++)
            {
                for (var y = 0; y < level.Height; y++)
                {
                    Assert.True(everSeen[x, y] == bot.Map.IsSeen(x, y), $"step {step}: cell ({x}, {y})");
                }
            }
            if (level.Step(action) is { Terminated: true } or { Truncated: true })
            {
                break;
            }
        }
    }

    [Fact]
    public void PlaysAnEpisodeAsJatCollectedIt()
    {
        using var level = BabyAILevels.Create("babyai-go-to-local");
        var actions = new List<int>();

        var result = BabyAIBotEpisode.Play(level, 2, actions);

        // The reference trace of GoToLocal seed 2 has 6 steps, the last one ending the episode with a reward.
        Assert.Equal(BotEpisodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(actions.Count, result.Length);
        Assert.Equal(6, result.Length);
        Assert.Equal(1 - (0.9 * 6 / level.MaxSteps), result.Return, 12);
        Assert.True(result.Kept);
    }
}
