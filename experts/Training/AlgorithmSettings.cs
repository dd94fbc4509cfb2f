using System.Text.Json.Serialization;
using Jat.Experts.Dqn;
using Jat.Experts.Ppo;
using Jat.Experts.Policies;

namespace Jat.Experts.Training;

/// <summary>
/// What a learner was told; saved whole in each checkpoint (its <c>algorithm</c> field names the kind) so that a policy
/// can be rebuilt and its training reproduced or resumed.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "algorithm")]
[JsonDerivedType(typeof(PpoSettings), "ppo")]
[JsonDerivedType(typeof(DqnSettings), "dqn")]
public abstract record AlgorithmSettings
{
    /// <summary>Environment steps to train for, counting every copy.</summary>
    public long TotalSteps { get; init; } = 1_000_000;

    /// <summary>Copies of the environment stepped together.</summary>
    public int Environments { get; init; } = 8;

    public double LearningRate { get; init; } = 3e-4;

    public double Gamma { get; init; } = 0.99;

    public int HiddenWidth { get; init; } = 64;

    public int HiddenLayers { get; init; } = 2;

    public Initialization Initialization { get; init; } = Initialization.Orthogonal;

    public bool NormalizeObservations { get; init; }

    /// <summary>Normalised observations are clipped to ±this.</summary>
    public double ObservationClip { get; init; } = 10;

    /// <summary>Width of the bag of words for a text part of the observation.</summary>
    public int TextBuckets { get; init; } = Observations.FeatureLayout.DefaultTextBuckets;

    /// <summary>Seeds the networks' initial weights, the action draws and the environments' resets.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Environment steps between two scorings of the policy as it is saved (0: never); see
    /// <see cref="CheckpointEvaluation"/>. The training episodes' returns can flatter the saved policy.
    /// </summary>
    public long EvaluateEvery { get; init; }

    /// <summary>Episodes each scoring plays.</summary>
    public int EvaluationEpisodes { get; init; } = 20;

    /// <summary>
    /// The settings a run resumed at <paramref name="step"/> goes on with: these, with the new step budget, and whatever
    /// else an algorithm needs so that its schedules continue from where the run was rather than restart.
    /// </summary>
    public virtual AlgorithmSettings Resumed(long step, long totalSteps) => this with { TotalSteps = totalSteps };

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public virtual void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TotalSteps, 1, nameof(TotalSteps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Environments, 1, nameof(Environments));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(Gamma, nameof(Gamma));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Gamma, 1, nameof(Gamma));
        ArgumentOutOfRangeException.ThrowIfLessThan(HiddenWidth, 1, nameof(HiddenWidth));
        ArgumentOutOfRangeException.ThrowIfNegative(HiddenLayers, nameof(HiddenLayers));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ObservationClip, nameof(ObservationClip));
        ArgumentOutOfRangeException.ThrowIfNegative(TextBuckets, nameof(TextBuckets));
        ArgumentOutOfRangeException.ThrowIfNegative(EvaluateEvery, nameof(EvaluateEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(EvaluationEpisodes, 1, nameof(EvaluationEpisodes));
    }
}
