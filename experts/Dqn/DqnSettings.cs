using Jat.Experts.Training;

namespace Jat.Experts.Dqn;

/// <summary>
/// DQN's settings (Mnih et al., 2015, with double Q-learning and n-step returns). Defaults follow CleanRL's
/// <c>dqn</c>; per-family values are in <c>Training/hyperparameters.md</c>.
/// </summary>
internal sealed record DqnSettings : AlgorithmSettings
{
    public DqnSettings()
    {
        Environments = 1;
        LearningRate = 2.5e-4;
        HiddenWidth = 120;
    }

    /// <summary>Transitions the replay buffer keeps.</summary>
    public int BufferSize { get; init; } = 10_000;

    public int BatchSize { get; init; } = 128;

    /// <summary>Environment steps taken with the schedule's ε before the first gradient step.</summary>
    public long LearningStarts { get; init; } = 10_000;

    /// <summary>One gradient step per this many environment steps.</summary>
    public int UpdateEvery { get; init; } = 10;

    /// <summary>Environment steps between two target-network updates.</summary>
    public int TargetUpdateEvery { get; init; } = 500;

    /// <summary>Weight of the online network in a target update; 1 copies it outright.</summary>
    public double TargetTau { get; init; } = 1.0;

    public double EpsilonStart { get; init; } = 1.0;

    public double EpsilonEnd { get; init; } = 0.05;

    /// <summary>Share of <see cref="AlgorithmSettings.TotalSteps"/> over which ε falls from start to end.</summary>
    public double ExplorationFraction { get; init; } = 0.5;

    /// <summary>ε used when a trained Q-network acts non-deterministically (evaluation, data collection).</summary>
    public double ActingEpsilon { get; init; } = 0.05;

    /// <summary>Rewards summed before bootstrapping: <c>r_t + γ r_{t+1} + … + γ^n max_a Q(s_{t+n}, a)</c>.</summary>
    public int NSteps { get; init; } = 1;

    /// <summary>Pick the next action with the online network and value it with the target network (van Hasselt et al., 2016).</summary>
    public bool DoubleDqn { get; init; } = true;

    /// <summary>Huber loss (the paper's clipped error) rather than the squared error.</summary>
    public bool HuberLoss { get; init; }

    public double MaxGradNorm { get; init; } = 10;

    public double AdamEpsilon { get; init; } = 1e-8;

    public override void Validate()
    {
        base.Validate();
        if (NormalizeObservations)
        {
            throw new ArgumentException("DQN keeps raw observations in its replay buffer; NormalizeObservations must be false.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferSize, 1, nameof(BufferSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(LearningStarts, nameof(LearningStarts));
        ArgumentOutOfRangeException.ThrowIfLessThan(UpdateEvery, 1, nameof(UpdateEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(TargetUpdateEvery, 1, nameof(TargetUpdateEvery));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TargetTau, nameof(TargetTau));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TargetTau, 1, nameof(TargetTau));
        ArgumentOutOfRangeException.ThrowIfLessThan(NSteps, 1, nameof(NSteps));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ExplorationFraction, nameof(ExplorationFraction));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxGradNorm, nameof(MaxGradNorm));
    }

    /// <summary>
    /// A resumed run keeps ε's schedule in steps: it still reaches its end where it would have (the fraction is rescaled
    /// to the new budget), rather than jumping back up towards its start when the budget grows.
    /// </summary>
    public override AlgorithmSettings Resumed(long step, long totalSteps) =>
        (DqnSettings)base.Resumed(step, totalSteps) with
        {
            ExplorationFraction = totalSteps <= 0 ? ExplorationFraction : ExplorationFraction * TotalSteps / totalSteps,
        };
}
