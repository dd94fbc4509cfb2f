using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>A policy and a value function over normalised observation vectors, trained together by PPO.</summary>
internal abstract class ActorCritic(string name) : nn.Module(name)
{
    /// <summary>State values, shape <c>[batch]</c>.</summary>
    public abstract Tensor Value(Tensor observations);

    /// <summary>Draws actions (or, when <paramref name="deterministic"/>, takes the most likely ones).</summary>
    public abstract PolicySample Sample(Tensor observations, bool deterministic, Generator? generator);

    /// <summary>Log-probabilities of <paramref name="actions"/> and the entropy of the policy at each observation.</summary>
    public abstract (Tensor LogProbabilities, Tensor Entropy) Evaluate(Tensor observations, Tensor actions);
}
