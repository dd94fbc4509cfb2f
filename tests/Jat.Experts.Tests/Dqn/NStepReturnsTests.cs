using Jat.Experts.Dqn;
using TorchSharp;

namespace Jat.Experts.Tests.Dqn;

public sealed class NStepReturnsTests
{
    // n = 3, γ = 0.5. The observation at step t is the single float t; the reward of step t is 2^t.
    [Fact]
    public void A_terminated_episode_yields_full_windows_then_shorter_ones_with_zero_discount()
    {
        var buffer = new ReplayBuffer(16, 1, 0);
        var nStep = new NStepReturns(1, 3, 0.5, 1, 0);
        for (var t = 0; t < 5; t++)
        {
            nStep.Add(0, [t], [], action: t, reward: Math.Pow(2, t), terminated: t == 4, truncated: false, [t + 1], [], buffer);
        }

        var rows = Read(buffer);

        Assert.Equal(5, rows.Count);
        // Steps 0, 1, 2 leave with three rewards: 1 + 0.5·2 + 0.25·4 = 3, then 6 and 12, bootstrapping 3 steps later.
        Assert.Equal((0f, 0L, 3f, 0.125f, 3f), rows[0]);
        Assert.Equal((1f, 1L, 6f, 0.125f, 4f), rows[1]);
        Assert.Equal((2f, 2L, 12f, 0f, 5f), rows[2]);
        // Step 2's window reaches the terminal step, so its discount is 0 too; steps 3 and 4 leave at the end.
        Assert.Equal((3f, 3L, 8 + 0.5f * 16, 0f, 5f), rows[3]);
        Assert.Equal((4f, 4L, 16f, 0f, 5f), rows[4]);
    }

    [Fact]
    public void A_truncated_episode_bootstraps_from_the_final_observation_with_the_remaining_discount()
    {
        var buffer = new ReplayBuffer(16, 1, 0);
        var nStep = new NStepReturns(1, 3, 0.5, 1, 0);
        nStep.Add(0, [0], [], 0, 1, terminated: false, truncated: false, [1], [], buffer);
        nStep.Add(0, [1], [], 1, 2, terminated: false, truncated: true, [9], [], buffer);

        var rows = Read(buffer);

        Assert.Equal(2, rows.Count);
        Assert.Equal((0f, 0L, 2f, 0.25f, 9f), rows[0]);
        Assert.Equal((1f, 1L, 2f, 0.5f, 9f), rows[1]);
    }

    [Fact]
    public void One_step_returns_are_the_plain_transitions()
    {
        var buffer = new ReplayBuffer(4, 1, 0);
        var nStep = new NStepReturns(1, 1, 0.99, 1, 0);
        nStep.Add(0, [5], [], 2, 1.5, terminated: false, truncated: false, [6], [], buffer);

        Assert.Equal((5f, 2L, 1.5f, 0.99f, 6f), Read(buffer)[0]);
    }

    private static List<(float Observation, long Action, float Return, float Discount, float Next)> Read(ReplayBuffer buffer)
    {
        using var scope = torch.NewDisposeScope();
        var batch = buffer.Gather([.. Enumerable.Range(0, buffer.Count)]);
        var observations = batch.Vectors.data<float>().ToArray();
        var actions = batch.Actions.data<long>().ToArray();
        var returns = batch.Returns.data<float>().ToArray();
        var discounts = batch.Discounts.data<float>().ToArray();
        var next = batch.NextVectors.data<float>().ToArray();
        return [.. Enumerable.Range(0, buffer.Count).Select(i => (observations[i], actions[i], returns[i], discounts[i], next[i]))];
    }
}
