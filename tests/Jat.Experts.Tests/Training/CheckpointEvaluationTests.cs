using System.Globalization;
using Jat.Experts.Acting;
using Jat.Experts.Checkpoints;
using Jat.Experts.Dqn;
using Jat.Experts.Evaluation;
using Jat.Experts.Tests.TestEnvironments;
using Jat.Experts.Training;

namespace Jat.Experts.Tests.Training;

/// <summary>
/// The learning curve's evaluation columns score the policy as it is saved, not the training episodes: a DQN's
/// training episodes are played ε-greedily by weights that change every few steps, which can flatter the checkpoint
/// (on BabyAI a curve at 0.85 came with a checkpoint at 0.6).
/// </summary>
[Collection(LearningCollection.Name)]
public sealed class CheckpointEvaluationTests : IDisposable
{
    private static readonly DqnSettings Small = new()
    {
        TotalSteps = 2048, Environments = 4, BufferSize = 4096, BatchSize = 32, LearningStarts = 256, UpdateEvery = 4,
        TargetUpdateEvery = 256, HiddenWidth = 32, Seed = 5, EvaluateEvery = 1024, EvaluationEpisodes = 12,
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("jat-evaluation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_last_evaluation_is_what_eval_expert_scores_for_the_saved_checkpoint()
    {
        var result = ExpertTrainer.Train(Request(Small));

        var last = Rows(result.LearningCurvePath)[^1];
        using var expert = new TrainedExpert(Checkpoint.Load(result.CheckpointPath), CheckpointEvaluation.Seed);
        using var environment = new GoalChain();
        var replayed = ExpertEvaluator.Run(
            expert, environment, Small.EvaluationEpisodes, deterministic: false, CheckpointEvaluation.Seed);
        Assert.Equal(replayed.MeanReturn, last["eval_return"]);
        Assert.Equal(replayed.Episodes.Average(e => e.Length), last["eval_length"]);
        Assert.Equal(replayed.MeanReturn, result.LastEvaluationReturn);
    }

    [Fact]
    public void Evaluations_come_every_so_many_steps_and_when_training_ends()
    {
        var result = ExpertTrainer.Train(Request(Small with { TotalSteps = 3072, EvaluateEvery = 2048 }));

        var rows = Rows(result.LearningCurvePath);
        Assert.Equal([1024.0, 2048, 3072], rows.Select(r => r["steps"]));
        Assert.Equal([false, true, true], rows.Select(r => r.ContainsKey("eval_return")));
        Assert.All(rows.Skip(1), r => Assert.InRange(r["eval_length"], 1, GoalChain.TimeLimit));
    }

    [Fact]
    public void Without_evaluations_the_curve_has_no_evaluation_columns()
    {
        var result = ExpertTrainer.Train(Request(Small with { EvaluateEvery = 0 }));

        Assert.DoesNotContain("eval_", File.ReadLines(result.LearningCurvePath).First(), StringComparison.Ordinal);
        Assert.Null(result.LastEvaluationReturn);
    }

    private ExpertTrainingRequest Request(DqnSettings settings) =>
        new(GoalChain.TaskSpec, _ => new GoalChain(), settings, _directory) { Device = "cpu" };

    /// <summary>Each row's non-empty cells by column name.</summary>
    private static List<Dictionary<string, double>> Rows(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => line.Split(',')
            .Select((cell, i) => (Name: header[i], Cell: cell))
            .Where(c => c.Cell.Length > 0)
            .ToDictionary(c => c.Name, c => double.Parse(c.Cell, CultureInfo.InvariantCulture)))];
    }
}
