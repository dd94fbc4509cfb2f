using System.Diagnostics;
using Jat.Environments;
using Jat.Experts.Acting;
using Jat.Experts.Checkpoints;
using Jat.Experts.Dqn;
using Jat.Experts.Evaluation;
using Jat.Experts.Ppo;
using Jat.Experts.Tests.TestEnvironments;
using Jat.Experts.Training;

namespace Jat.Experts.Tests.Training;

/// <summary>
/// PPO and DQN must solve tiny tasks within seconds, through the same trainer the CLI uses; the thresholds are out of
/// reach of policies that did not learn (see each environment's notes), so a broken learner fails here.
/// </summary>
[Collection(LearningCollection.Name)]
public sealed class LearningSmokeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jat-learning-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Ppo_learns_to_reach_a_target_with_continuous_actions()
    {
        var settings = new PpoSettings
        {
            TotalSteps = 40_000, Environments = 8, RolloutSteps = 64, MinibatchSize = 128, Epochs = 5, LearningRate = 3e-3,
            Seed = 1,
        };

        var result = Train(MoveToTarget.TaskSpec, _ => new MoveToTarget(), settings);

        using var environment = new MoveToTarget();
        var score = Evaluate(result, environment);
        // Standing still averages about −13, the scripted optimum about −1.5.
        Assert.True(score > -3, $"PPO reached a mean return of {score:F2} on MoveToTarget; a learnt policy gets above −3.");
    }

    [Fact]
    public void Ppo_learns_to_follow_a_cue_with_discrete_actions()
    {
        var settings = new PpoSettings
        {
            TotalSteps = 30_000, Environments = 8, RolloutSteps = 32, MinibatchSize = 64, Epochs = 4, LearningRate = 2.5e-3,
            EntropyCoefficient = 0.01, Seed = 2,
        };

        var result = Train(GoalChain.TaskSpec, _ => new GoalChain(), settings);

        using var environment = new GoalChain();
        var score = Evaluate(result, environment);
        // Ignoring the cue succeeds at most half the time (mean ≤ 0.41); the optimum is 0.82.
        Assert.True(score > 0.75, $"PPO reached a mean return of {score:F3} on GoalChain; a learnt policy gets above 0.75.");
    }

    [Fact]
    public void Dqn_learns_to_follow_a_cue()
    {
        // The chain's reward shrinks with a step count the observation does not show, and its time limit is
        // bootstrapped through; with γ = 0.99 the wrong way looks barely worse than the right one, so some seeds
        // settle on ignoring the cue. γ = 0.9 makes the difference plain.
        var settings = new DqnSettings
        {
            Gamma = 0.9,
            TotalSteps = 12_000, Environments = 4, BufferSize = 10_000, BatchSize = 64, LearningStarts = 500, UpdateEvery = 4,
            TargetUpdateEvery = 200, ExplorationFraction = 0.3, NSteps = 3, LearningRate = 1e-3, HiddenWidth = 64, Seed = 3,
        };

        var result = Train(GoalChain.TaskSpec, _ => new GoalChain(), settings);

        using var environment = new GoalChain();
        var score = Evaluate(result, environment);
        Assert.True(score > 0.75, $"DQN reached a mean return of {score:F3} on GoalChain; a learnt policy gets above 0.75.");
    }

    private ExpertTrainingResult Train(EnvironmentSpec spec, Func<int, IEnvironment> create, AlgorithmSettings settings)
    {
        var clock = Stopwatch.StartNew();
        var result = ExpertTrainer.Train(new ExpertTrainingRequest(spec, create, settings, _directory) { Device = "cpu" });
        Console.WriteLine($"{spec.Task} {settings.GetType().Name}: {result.Steps} steps in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(settings.TotalSteps, result.Steps, tolerance: settings.Environments * 1024);
        return result;
    }

    private static double Evaluate(ExpertTrainingResult result, IEnvironment environment)
    {
        using var expert = new TrainedExpert(Checkpoint.Load(result.CheckpointPath));
        return ExpertEvaluator.Run(expert, environment, episodes: 40, deterministic: true, seed: 10_000).MeanReturn;
    }
}
