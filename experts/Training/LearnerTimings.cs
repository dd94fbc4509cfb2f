namespace Jat.Experts.Training;

/// <summary>
/// Where a learner's iterations spent their wall time, summed since the learner was made; measured with stopwatches
/// around each phase, so <see cref="Other"/> is what lies between them.
/// </summary>
/// <param name="Environment">Stepping the copies of the environment.</param>
/// <param name="Inference">The network's forward passes while rolling out: actions, values, the values of time-limit cuts, tensor copies included.</param>
/// <param name="Update">Learning from a rollout: its tensors, then per minibatch the forward pass, loss, backward pass, gradient clipping and optimiser step.</param>
/// <param name="Total">All of the iterations, start to end.</param>
public sealed record LearnerTimings(TimeSpan Environment, TimeSpan Inference, TimeSpan Update, TimeSpan Total)
{
    /// <summary>The rest: encoding and normalising observations, bounding actions, episode bookkeeping, advantages.</summary>
    public TimeSpan Other => Total - Environment - Inference - Update;
}
