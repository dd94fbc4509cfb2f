using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>What the network reads: a batch of one task, in one of JAT's two kinds.</summary>
public abstract record ModelInputs;

/// <summary>
/// A batch of episode windows (RL): observations o_t of one modality, actions a_t, the rewards r_t that arrived with
/// o_t (shifted by one step), and per step the attention mask (1 real, 0 padding) and the task's loss weight.
/// </summary>
public sealed record RlInputs(
    Observations Observations,
    Actions Actions,
    Tensor Rewards,
    Tensor? AttentionMask = null,
    Tensor? LossWeight = null) : ModelInputs
{
    public long Batch => Rewards.shape[0];

    public long Steps => Rewards.shape[1];
}

/// <summary>A batch of text (GPT-2 token ids), optionally each preceded by a picture (image+text).</summary>
public sealed record TextInputs(Tensor InputIds, Tensor? PixelValues = null, Tensor? AttentionMask = null) : ModelInputs;

/// <summary>The observations of an RL batch, one record per modality.</summary>
public abstract record Observations(Tensor Values);

/// <summary>(batch, steps, size) float32: MuJoCo, Meta-World.</summary>
public sealed record ContinuousObservations(Tensor Values) : Observations(Values);

/// <summary>(batch, steps, max_discrete_value) int64: BabyAI's 148 values and the mission's 64 tokens.</summary>
public sealed record DiscreteObservations(Tensor Values) : Observations(Values);

/// <summary>(batch, steps, 4, 84, 84) float32 in [−1, 1]: Atari frame stacks.</summary>
public sealed record ImageObservations(Tensor Values) : Observations(Values);

/// <summary>The actions of an RL batch.</summary>
public abstract record Actions(Tensor Values);

/// <summary>(batch, steps, size) float32.</summary>
public sealed record ContinuousActions(Tensor Values) : Actions(Values);

/// <summary>(batch, steps) int64: the action's index, which is also its token id.</summary>
public sealed record DiscreteActions(Tensor Values) : Actions(Values);
