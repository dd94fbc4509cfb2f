namespace Jat.Model.Processing;

/// <summary>
/// One row of JAT's processed dataset: a window of an episode, or a window of a document's tokens. Every sample of a
/// task has the same length (JAT pads to <c>max_length</c>), so a batch is the samples stacked.
/// </summary>
public abstract record Sample(string Task);

/// <summary>
/// A window of <see cref="Steps"/> timesteps of an episode. Positions past the episode's end repeat its first step and
/// are 0 in <see cref="AttentionMask"/>.
/// </summary>
/// <param name="Rewards">r_t, the reward that arrived with o_t (shifted by one, 0 at the episode's start).</param>
/// <param name="LossWeight">the task's weight, the same at every step (JAT's <c>loss_weight</c>)</param>
public sealed record RlSample(string Task, StepValues Observations, StepValues Actions, float[] Rewards, long[] AttentionMask,
    float LossWeight) : Sample(Task)
{
    public int Steps => Rewards.Length;
}

/// <summary>
/// A window of GPT-2 token ids, padded with its first id (0 in <see cref="AttentionMask"/>); for image+text, preceded by
/// the picture's CLIP pixel values (3 × 224 × 224).
/// </summary>
public sealed record TextSample(string Task, long[] InputIds, long[] AttentionMask, float[]? PixelValues = null) : Sample(Task);

/// <summary>The values of one part of a window, step after step, <see cref="Width"/> values per step.</summary>
public abstract record StepValues(int Width);

/// <summary>MuJoCo and Meta-World observations and actions: <c>steps × width</c> floats.</summary>
public sealed record FloatSteps(float[] Values, int Width) : StepValues(Width);

/// <summary>BabyAI's observations (148 values and 64 mission ids), and discrete actions (width 1): int64 values.</summary>
public sealed record IdSteps(long[] Values, int Width) : StepValues(Width);

/// <summary>Atari's observations: per step, 4 × 84 × 84 floats in [−1, 1].</summary>
public sealed record FrameSteps(float[] Values) : StepValues(Images.FrameStackPlanes.Length);
