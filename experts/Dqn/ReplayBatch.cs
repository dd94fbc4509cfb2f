using static TorchSharp.torch;

namespace Jat.Experts.Dqn;

/// <summary>Transitions drawn from a <see cref="ReplayBuffer"/>; frames are flat bytes, to be reshaped by the network's user.</summary>
internal sealed record ReplayBatch(
    Tensor Vectors, Tensor Images, Tensor Actions, Tensor Returns, Tensor Discounts, Tensor NextVectors, Tensor NextImages);
