namespace Jat.Model.Processing;

/// <summary>
/// JAT's trainers pair o_t with the reward that arrived with it: <c>[0] + rewards[:-1]</c>. The dataset stores r_{t+1}
/// at step t, so the shifted reward of step 0 is 0 and the episode's last reward is dropped.
/// </summary>
public static class RewardShift
{
    public static float[] Apply(IReadOnlyList<float> rewards)
    {
        var shifted = new float[rewards.Count];
        for (var t = 1; t < shifted.Length; t++)
            shifted[t] = rewards[t - 1];
        return shifted;
    }
}
