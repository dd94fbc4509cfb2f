using System.Text.Json.Serialization;
using Jat.Experts.Normalization;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Experts.Training;

namespace Jat.Experts.Checkpoints;

/// <summary>
/// Everything about an expert except its weights: the task, the algorithm and its settings, the observation and action
/// layouts the network was built for, the normalisation statistics it must be fed with, and how far it trained.
/// </summary>
/// <param name="ObservationStatistics">Running statistics of the observation vector, when the policy normalises it.</param>
/// <param name="ReturnStatistics">Running statistics of returns, when values were learnt normalised (PPO).</param>
/// <param name="EnvironmentSteps">Environment steps taken in training when this was saved.</param>
public sealed record CheckpointHeader(
    string Task,
    AlgorithmSettings Settings,
    FeatureLayout Features,
    ActionLayout Actions,
    StatisticsSnapshot? ObservationStatistics,
    StatisticsSnapshot? ReturnStatistics,
    long EnvironmentSteps)
{
    /// <summary>The version of the file layout this type reads and writes.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The algorithm's name as it appears in the settings (<c>ppo</c>, <c>dqn</c>), repeated for people reading the header.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string Algorithm => Settings switch
    {
        Ppo.PpoSettings => "ppo",
        Dqn.DqnSettings => "dqn",
        _ => Settings.GetType().Name,
    };
}
