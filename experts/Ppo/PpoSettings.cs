using Jat.Experts.Policies;
using Jat.Experts.Training;

namespace Jat.Experts.Ppo;

/// <summary>
/// PPO's settings. Defaults follow CleanRL's <c>ppo_continuous_action</c>; the per-family values JAT's experts used
/// are in <c>Training/hyperparameters.md</c>.
/// </summary>
public sealed record PpoSettings : AlgorithmSettings
{
    public PpoSettings()
    {
        NormalizeObservations = true;
    }

    /// <summary>Steps each copy takes between two updates.</summary>
    public int RolloutSteps { get; init; } = 256;

    /// <summary>Samples per gradient step; must divide <c>Environments × RolloutSteps</c>.</summary>
    public int MinibatchSize { get; init; } = 64;

    /// <summary>Passes over each rollout.</summary>
    public int Epochs { get; init; } = 10;

    public bool ShuffleMinibatches { get; init; } = true;

    /// <summary>Decay the learning rate linearly to zero at <see cref="AlgorithmSettings.TotalSteps"/>.</summary>
    public bool LearningRateDecay { get; init; } = true;

    /// <summary>
    /// Where the decay starts: null for step 0 at <see cref="AlgorithmSettings.LearningRate"/>; a resumed run's
    /// settings (<see cref="Resumed"/>) start it where the run was, at the rate it had reached.
    /// </summary>
    public LearningRatePoint? LearningRateDecayFrom { get; init; }

    public double AdamEpsilon { get; init; } = 1e-5;

    public double GaeLambda { get; init; } = 0.95;

    public double ClipRatio { get; init; } = 0.2;

    /// <summary>Largest change of a value prediction the loss rewards, or null for no value clipping.</summary>
    public double? ValueClip { get; init; } = 0.2;

    public double ValueCoefficient { get; init; } = 0.5;

    public double EntropyCoefficient { get; init; }

    public double MaxGradNorm { get; init; } = 0.5;

    public bool NormalizeAdvantages { get; init; } = true;

    /// <summary>Learn values of returns scaled by their running mean and deviation (Sample Factory's <c>normalize_returns</c>).</summary>
    public bool NormalizeReturns { get; init; } = true;

    /// <summary>Multiplies every reward before learning (Sample Factory's <c>reward_scale</c>).</summary>
    public double RewardScale { get; init; } = 1;

    /// <summary>At a time-limit cut, add γ·V(final observation) to the last reward instead of treating it as terminal.</summary>
    public bool ValueBootstrap { get; init; } = true;

    public Activation Activation { get; init; } = Activation.Tanh;

    public ActionBounding ActionBounding { get; init; } = ActionBounding.Clip;

    public double InitialLogStd { get; init; }

    /// <summary>The learning rate of an iteration that starts at <paramref name="step"/>.</summary>
    public double LearningRateAt(long step)
    {
        if (!LearningRateDecay)
        {
            return LearningRate;
        }
        var from = LearningRateDecayFrom ?? new LearningRatePoint(0, LearningRate);
        return LearningRateSchedule.At(step, from.Step, from.Rate, TotalSteps);
    }

    /// <summary>
    /// Also restarts the decay line at <paramref name="step"/> from the rate reached there under the old budget, so the
    /// rate goes on falling smoothly to 0 at the new one. A run that had spent its budget had reached 0, and stays there.
    /// </summary>
    public override AlgorithmSettings Resumed(long step, long totalSteps) =>
        (PpoSettings)base.Resumed(step, totalSteps) with
        {
            LearningRateDecayFrom = LearningRateDecay ? new LearningRatePoint(step, LearningRateAt(step)) : LearningRateDecayFrom,
        };

    public override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(RolloutSteps, 1, nameof(RolloutSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinibatchSize, 1, nameof(MinibatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        if (Environments * RolloutSteps % MinibatchSize != 0)
        {
            throw new ArgumentException(
                $"MinibatchSize {MinibatchSize} must divide Environments × RolloutSteps = {Environments * RolloutSteps}.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClipRatio, nameof(ClipRatio));
        ArgumentOutOfRangeException.ThrowIfNegative(GaeLambda, nameof(GaeLambda));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(GaeLambda, 1, nameof(GaeLambda));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxGradNorm, nameof(MaxGradNorm));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RewardScale, nameof(RewardScale));
        if (LearningRateDecayFrom is { } from)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(from.Step, nameof(LearningRateDecayFrom));
            ArgumentOutOfRangeException.ThrowIfNegative(from.Rate, nameof(LearningRateDecayFrom));
        }
    }
}
