using System.Diagnostics;
using System.Text;
using Jat.Environments.Vector;
using Jat.Experts.Checkpoints;
using Jat.Experts.Dqn;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using Jat.Torch;
using static TorchSharp.torch;

namespace Jat.Experts.Training;

/// <summary>
/// Trains one expert in a directory: builds the copies of the environment and the learner the settings name, runs
/// iterations until the step budget is spent, appends each to the learning curve (with the saved policy's own score
/// every <see cref="AlgorithmSettings.EvaluateEvery"/> steps), reports progress, and saves the checkpoint (and the
/// optimiser's state) every so often, at the end and when cancelled. Run again on the same
/// directory, it resumes where the last checkpoint left off.
/// </summary>
public static class ExpertTrainer
{
    public static ExpertTrainingResult Train(
        ExpertTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(request.Directory);
        var checkpointPath = ExpertFiles.Checkpoint(request.Directory);
        var optimizerPath = ExpertFiles.Optimizer(request.Directory);
        var curvePath = ExpertFiles.LearningCurve(request.Directory);
        var spec = request.Spec;

        using var resume = request.Resume && File.Exists(checkpointPath) ? Checkpoint.Load(checkpointPath) : null;
        var settings = request.Settings;
        if (resume is not null)
        {
            if (resume.Header.Task != spec.Task)
            {
                throw new InvalidOperationException(
                    $"{checkpointPath} holds an expert for {resume.Header.Task}, not {spec.Task}; use another directory.");
            }
            settings = resume.Header.Settings.Resumed(resume.Header.EnvironmentSteps, request.Settings.TotalSteps);
        }
        settings.Validate();

        set_num_threads(Math.Max(1, request.TorchThreads));
        var device = TorchDevices.Choose(request.Device);
        var features = resume?.Header.Features ?? FeatureLayout.For(spec.Observation, settings.TextBuckets);
        var actions = resume?.Header.Actions ?? ActionLayout.For(spec.Actions);
        using var environments = new VectorEnvironment(
            request.CreateEnvironment, settings.Environments, Math.Max(1, request.EnvironmentThreads));
        using ILearner learner = settings switch
        {
            PpoSettings ppo => new PpoLearner(ppo, features, actions, environments, device, resume),
            DqnSettings dqn => new DqnLearner(dqn, features, actions, environments, device, resume),
            _ => throw new NotSupportedException($"No learner for {settings.GetType().Name}."),
        };
        if (resume is not null && File.Exists(optimizerPath))
        {
            using var reader = new BinaryReader(File.OpenRead(optimizerPath), Encoding.UTF8);
            learner.Optimizer.Load(reader);
        }

        using var evaluation = settings.EvaluateEvery > 0
            ? new CheckpointEvaluation(
                request.CreateEnvironment(settings.Environments), settings.EvaluateEvery, settings.EvaluationEpisodes, learner.Steps)
            : null;
        var curve = new LearningCurve(curvePath);
        var clock = Stopwatch.StartNew();
        var sinceSave = Stopwatch.StartNew();
        var startSteps = learner.Steps;
        long episodes = 0;
        double? lastMean = null;
        try
        {
            while (learner.Steps < settings.TotalSteps)
            {
                cancel.ThrowIfCancellationRequested();
                var report = learner.RunIteration();
                if (evaluation is not null)
                {
                    var scores = evaluation.After(learner, spec.Task, learner.Steps >= settings.TotalSteps, cancel);
                    report = report with { Metrics = [.. report.Metrics, .. scores] };
                }
                episodes += report.EpisodeReturns.Count;
                if (report.EpisodeReturns.Count > 0)
                {
                    lastMean = report.EpisodeReturns.Average();
                }
                var rate = (learner.Steps - startSteps) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                curve.Append(report, clock.Elapsed, rate);
                progress?.Report(new TrainingProgress(
                    learner.Steps, settings.TotalSteps, episodes,
                    report.EpisodeReturns.Count > 0 ? report.EpisodeReturns.Average() : null, rate)
                {
                    EvaluationReturn = evaluation?.LastReturn,
                });
                if (sinceSave.Elapsed >= request.SaveEvery)
                {
                    Save(learner, spec.Task, checkpointPath, optimizerPath);
                    sinceSave.Restart();
                }
            }
        }
        finally
        {
            // Also on cancellation or failure: whatever was learnt so far is kept and the next run resumes from it.
            Save(learner, spec.Task, checkpointPath, optimizerPath);
        }
        return new ExpertTrainingResult(
            checkpointPath, curvePath, learner.Steps, episodes, lastMean, curve.ElapsedBefore + clock.Elapsed, learner.Timings)
        {
            LastEvaluationReturn = evaluation?.LastReturn,
        };
    }

    private static void Save(ILearner learner, string task, string checkpointPath, string optimizerPath)
    {
        using (var checkpoint = learner.Snapshot(task))
        {
            checkpoint.Save(checkpointPath);
        }
        var temporary = optimizerPath + ".partial";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            learner.Optimizer.Save(writer);
        }
        File.Move(temporary, optimizerPath, overwrite: true);
    }
}
