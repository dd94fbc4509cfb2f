using Jat.Experts.Checkpoints;
using Jat.Experts.Ppo;
using Jat.Experts.Tests.TestEnvironments;
using Jat.Experts.Training;

namespace Jat.Experts.Tests.Training;

[Collection(LearningCollection.Name)]
public sealed class ExpertTrainerTests : IDisposable
{
    private static readonly PpoSettings Small = new()
    {
        TotalSteps = 2048, Environments = 4, RolloutSteps = 64, MinibatchSize = 64, Epochs = 2, Seed = 4,
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("jat-trainer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Each_iteration_adds_a_row_to_the_learning_curve_and_the_checkpoint_records_the_steps()
    {
        var reports = new List<TrainingProgress>();

        var result = ExpertTrainer.Train(Request(Small), new SynchronousProgress(reports.Add));

        var lines = File.ReadAllLines(result.LearningCurvePath);
        Assert.StartsWith("steps,episodes,mean_return,mean_length,elapsed_seconds,steps_per_second,learning_rate,policy_loss", lines[0],
            StringComparison.Ordinal);
        // 2048 steps in iterations of 4 copies × 64 steps.
        Assert.Equal(8, lines.Length - 1);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i * 256), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0])));
        Assert.Equal(8, reports.Count);
        Assert.Equal(2048, reports[^1].Steps);
        var header = Checkpoint.LoadHeader(result.CheckpointPath);
        Assert.Equal(2048, header.EnvironmentSteps);
        Assert.Equal(MoveToTarget.TaskSpec.Task, header.Task);
        Assert.NotNull(header.ObservationStatistics);
        Assert.Equal(2048, header.ObservationStatistics.Count);
        Assert.True(File.Exists(ExpertFiles.Optimizer(_directory)));
    }

    [Fact]
    public void A_second_run_with_a_larger_budget_resumes_from_the_checkpoint_and_extends_the_curve()
    {
        ExpertTrainer.Train(Request(Small));
        var firstStatistics = Checkpoint.LoadHeader(ExpertFiles.Checkpoint(_directory)).ObservationStatistics!;

        var result = ExpertTrainer.Train(Request(Small with { TotalSteps = 4096 }));

        Assert.Equal(4096, result.Steps);
        var lines = File.ReadAllLines(result.LearningCurvePath);
        Assert.Single(lines, l => l.StartsWith("steps,", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i * 256), lines.Skip(1).Select(l => long.Parse(l.Split(',')[0])));
        var elapsed = lines.Skip(1).Select(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(elapsed.Order(), elapsed);
        var header = Checkpoint.LoadHeader(result.CheckpointPath);
        // The statistics went on from where they were, rather than starting over.
        Assert.Equal(firstStatistics.Count + 2048, header.ObservationStatistics!.Count);
    }

    [Fact]
    public void An_interrupted_run_resumed_with_a_larger_budget_goes_on_decaying_its_learning_rate_from_where_it_was()
    {
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => ExpertTrainer.Train(
            Request(Small), new SynchronousProgress(p =>
            {
                if (p.Steps >= 1024)
                {
                    cancel.Cancel();
                }
            }), cancel.Token));

        var result = ExpertTrainer.Train(Request(Small with { TotalSteps = 4096 }));

        var rates = File.ReadAllLines(result.LearningCurvePath).Skip(1)
            .Select(l => double.Parse(l.Split(',')[6], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(16, rates.Count);
        // Four iterations on 2048 steps' decay, then from the rate reached at step 1024 (half the initial one) to 0 at 4096.
        Assert.Equal(Small.LearningRate * (2048 - 768) / 2048, rates[3], 9);
        Assert.Equal(Small.LearningRate / 2, rates[4], 9);
        Assert.Equal(Small.LearningRate / 2 * (4096 - 3840) / 3072, rates[^1], 9);
        Assert.Equal(rates.OrderDescending(), rates);
        var settings = Assert.IsType<PpoSettings>(Checkpoint.LoadHeader(result.CheckpointPath).Settings);
        Assert.Equal(new LearningRatePoint(1024, Small.LearningRate / 2), settings.LearningRateDecayFrom);
        Assert.Equal(4096, settings.TotalSteps);
    }

    [Fact]
    public void Ppo_reports_where_its_iterations_spent_their_time()
    {
        var result = ExpertTrainer.Train(Request(Small));

        var timings = Assert.IsType<LearnerTimings>(result.Timings);
        Assert.True(timings.Environment > TimeSpan.Zero, $"environment {timings.Environment}");
        Assert.True(timings.Inference > TimeSpan.Zero, $"inference {timings.Inference}");
        Assert.True(timings.Update > TimeSpan.Zero, $"update {timings.Update}");
        Assert.True(timings.Other > TimeSpan.Zero, $"other {timings.Other}");
        Assert.True(timings.Environment + timings.Inference + timings.Update <= timings.Total);
        Assert.True(timings.Total <= result.Elapsed, $"iterations {timings.Total}, training {result.Elapsed}");
    }

    [Fact]
    public void A_finished_run_does_nothing_more()
    {
        ExpertTrainer.Train(Request(Small));
        var rows = File.ReadAllLines(ExpertFiles.LearningCurve(_directory)).Length;

        var result = ExpertTrainer.Train(Request(Small));

        Assert.Equal(2048, result.Steps);
        Assert.Equal(rows, File.ReadAllLines(ExpertFiles.LearningCurve(_directory)).Length);
    }

    [Fact]
    public void Cancelling_keeps_what_was_learnt_in_the_checkpoint()
    {
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => ExpertTrainer.Train(
            Request(Small), new SynchronousProgress(p => cancel.Cancel()), cancel.Token));

        Assert.Equal(256, Checkpoint.LoadHeader(ExpertFiles.Checkpoint(_directory)).EnvironmentSteps);
    }

    [Fact]
    public void A_directory_holding_another_tasks_expert_is_refused()
    {
        ExpertTrainer.Train(Request(Small));
        var other = MoveToTarget.TaskSpec with { Task = "test-other" };

        var error = Assert.Throws<InvalidOperationException>(() => ExpertTrainer.Train(
            new ExpertTrainingRequest(other, _ => new MoveToTarget(), Small, _directory) { Device = "cpu" }));

        Assert.Contains("test-move-to-target", error.Message, StringComparison.Ordinal);
    }

    private ExpertTrainingRequest Request(PpoSettings settings) =>
        new(MoveToTarget.TaskSpec, _ => new MoveToTarget(), settings, _directory) { Device = "cpu" };

    /// <summary>Reports on the training thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
