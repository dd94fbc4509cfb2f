using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// Actions drawn by an actor and their log-probabilities. Continuous actions are the unbounded Gaussian draws (before
/// clipping or squashing), so that the log-probability stays the one the learner will recompute.
/// </summary>
internal sealed record PolicySample(Tensor Actions, Tensor LogProbabilities);
