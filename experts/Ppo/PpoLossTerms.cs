using static TorchSharp.torch;

namespace Jat.Experts.Ppo;

/// <summary>The loss to minimise and the parts it is made of, with the diagnostics PPO implementations report.</summary>
/// <param name="ApproximateKl">Mean of <c>(ratio − 1) − log ratio</c>, an unbiased estimate of KL(old ‖ new).</param>
/// <param name="ClipFraction">Share of samples whose ratio left <c>[1 − ε, 1 + ε]</c>.</param>
internal sealed record PpoLossTerms(
    Tensor Total, double Policy, double Value, double Entropy, double ApproximateKl, double ClipFraction);
