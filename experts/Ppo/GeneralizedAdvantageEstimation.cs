namespace Jat.Experts.Ppo;

/// <summary>
/// Generalised advantage estimation (Schulman et al., 2016) over a rollout of <c>steps × copies</c> values laid out
/// step after step. <c>ended[t]</c> says the transition at step t finished its copy's episode, so nothing after it is
/// bootstrapped into step t; the value after the last step is <c>lastValues</c>.
/// </summary>
internal static class GeneralizedAdvantageEstimation
{
    public static void Compute(
        ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> ended, ReadOnlySpan<float> lastValues,
        double gamma, double lambda, Span<float> advantages)
    {
        var copies = lastValues.Length;
        if (copies == 0 || rewards.Length % copies != 0 || values.Length != rewards.Length || ended.Length != rewards.Length
            || advantages.Length != rewards.Length)
        {
            throw new ArgumentException("Rewards, values, ends and advantages must all hold steps × copies entries.");
        }
        var steps = rewards.Length / copies;
        for (var copy = 0; copy < copies; copy++)
        {
            double running = 0;
            double nextValue = lastValues[copy];
            for (var t = steps - 1; t >= 0; t--)
            {
                var i = t * copies + copy;
                var continues = ended[i] ? 0.0 : 1.0;
                var delta = rewards[i] + gamma * nextValue * continues - values[i];
                running = delta + gamma * lambda * continues * running;
                advantages[i] = (float)running;
                nextValue = values[i];
            }
        }
    }
}
