using Jat.Model.Configuration;
using Jat.Model.Processing.Images;
using Jat.Schema.Columns;
using Jat.Schema.Tasks;

namespace Jat.Model.Processing;

/// <summary>
/// Turns dataset rows into the samples JAT's trainer feeds the model (train_jat.py's preprocessing): episodes with no
/// reward are dropped, rewards are shifted by one, and each episode or document is cut into windows by the "preserve"
/// rule and padded to the window's length by repeating the window's first element.
/// </summary>
/// <remarks>
/// Windows: RL tasks take <c>max_position_embeddings / 2</c> timesteps (observation and action share the positions),
/// Atari 32 (JAT's trainer passes <c>max_length=64</c>); text takes <c>max_position_embeddings</c> tokens, and image+text
/// the positions the 196 image patches leave. A sample is made when it is enumerated, so an episode's frames are only
/// decoded window by window.
/// </remarks>
public sealed class JatProcessor
{
    /// <summary>JAT's trainer gives Atari 64 positions: 32 timesteps.</summary>
    public const int AtariMaxLength = 64;

    private readonly JatConfig _config;
    private readonly MissionIds _missions = new();

    public JatProcessor(JatConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
    }

    /// <summary>The length of a sample of <paramref name="task"/>: timesteps for RL tasks, tokens for text.</summary>
    public int WindowOf(TaskSpec task) => task.Domain switch
    {
        Domain.Atari => Math.Min(AtariMaxLength, _config.MaxPositionEmbeddings) / 2,
        Domain.Text => _config.MaxPositionEmbeddings,
        Domain.VisionLanguage => _config.MaxPositionEmbeddings - _config.ImagePatches,
        _ => _config.MaxPositionEmbeddings / 2,
    };

    /// <summary>The samples of one row, in order; none for an episode without rewards or an empty document.</summary>
    /// <exception cref="InvalidDataException">The row does not fit the task, or the model cannot embed it (the message
    /// names the task and what does not fit).</exception>
    public IEnumerable<Sample> Process(TaskSpec task, Example row)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(row);
        return task.Domain.IsReinforcementLearning() ? ProcessEpisode(task, row) : ProcessText(task, row);
    }

    private IEnumerable<Sample> ProcessEpisode(TaskSpec task, Example row)
    {
        if (row.Rewards is not { Count: > 0 } rewards)
            yield break;
        var steps = rewards.Count;
        var observations = ObservationsOf(task, row, steps);
        var actions = ActionsOf(task, row, steps);
        var shifted = RewardShift.Apply(rewards);
        var weight = LossWeights.For(task);
        var window = WindowOf(task);
        foreach (var w in EpisodeWindows.Split(steps, window))
        {
            var mask = new long[window];
            var windowRewards = new float[window];
            for (var p = 0; p < window; p++)
            {
                mask[p] = p < w.Count ? 1 : 0;
                windowRewards[p] = shifted[EpisodeWindows.SourceStep(w, p)];
            }
            yield return new RlSample(task.Name, observations.Window(w, window), actions.Window(w, window), windowRewards, mask, weight);
        }
    }

    private IEnumerable<Sample> ProcessText(TaskSpec task, Example row)
    {
        if (row.Text is null)
            throw Unfit(task, "the row has no text");
        float[]? pixels = null;
        if (task.Domain == Domain.VisionLanguage)
        {
            if (row.Image is null)
                throw Unfit(task, "the row has no image");
            if (_config.ImageSize != ClipImagePreprocessor.Size)
                throw Unfit(task, $"its images are prepared at {ClipImagePreprocessor.Size}×{ClipImagePreprocessor.Size}, the model's image_size is {_config.ImageSize}");
            pixels = ClipImagePreprocessor.Process(row.Image);
        }
        var ids = Gpt2Text.Encode(row.Text);
        var window = WindowOf(task);
        if (window <= 0)
            throw Unfit(task, $"the model's {_config.MaxPositionEmbeddings} positions leave no room for text after the image's {_config.ImagePatches} patches");
        foreach (var w in EpisodeWindows.Split(ids.Count, window))
        {
            if (w.Count == 0)
                yield break;
            var inputIds = new long[window];
            var mask = new long[window];
            for (var p = 0; p < window; p++)
            {
                inputIds[p] = ids[EpisodeWindows.SourceStep(w, p)];
                mask[p] = p < w.Count ? 1 : 0;
            }
            // A caption longer than the window makes several samples; each is given the picture (JAT's processor
            // would pair only the first with it, which never happens with its captions).
            yield return new TextSample(task.Name, inputIds, mask, pixels);
        }
    }

    private WindowSource ObservationsOf(TaskSpec task, Example row, int steps)
    {
        if (row.ContinuousObservations is { } continuous)
        {
            var width = SameWidth(task, "continuous_observations", continuous, steps);
            if (width + 1 > _config.MaxContinuousSize)
                throw Unfit(task, $"its observations are {width} values and the reward, the model's continuous encoder takes {_config.MaxContinuousSize} (max_continuous_size)");
            return new FloatWindowSource(continuous, width);
        }
        if (row.DiscreteObservations is { } discrete)
        {
            var width = SameWidth(task, "discrete_observations", discrete, steps);
            var missions = row.TextObservations;
            if (missions is not null && missions.Count != steps)
                throw Unfit(task, $"it has {missions.Count} text observations for {steps} rewards");
            var total = width + (missions is null ? 0 : Gpt2Text.MissionTokens);
            if (total != _config.MaxDiscreteValue)
                throw Unfit(task, $"its discrete observations are {total} values, the model's multi-discrete encoder takes {_config.MaxDiscreteValue} (max_discrete_value)");
            return new IdWindowSource(discrete, width, missions is null ? null : missions.Select(_missions.Of).ToArray());
        }
        if (row.ImageObservations is { } images)
        {
            if (images.Count != steps)
                throw Unfit(task, $"it has {images.Count} image observations for {steps} rewards");
            return new FrameWindowSource(task, images);
        }
        throw Unfit(task, "the row has no observations the model can embed (continuous, discrete or image)");
    }

    private WindowSource ActionsOf(TaskSpec task, Example row, int steps)
    {
        if (row.ContinuousActions is { } continuous)
        {
            var width = SameWidth(task, "continuous_actions", continuous, steps);
            if (width > _config.MaxContinuousSize)
                throw Unfit(task, $"its actions are {width} values, the model's continuous encoder takes {_config.MaxContinuousSize} (max_continuous_size)");
            return new FloatWindowSource(continuous, width);
        }
        if (row.DiscreteActions is { } discrete)
        {
            if (discrete.Count != steps)
                throw Unfit(task, $"it has {discrete.Count} discrete actions for {steps} rewards");
            foreach (var a in discrete)
                if (a < 0 || a >= _config.VocabSize)
                    throw Unfit(task, $"its action {a} is not a token id of the model's {_config.VocabSize}-word vocabulary");
            return new ActionIdWindowSource(discrete);
        }
        throw Unfit(task, "the row has no actions (continuous or discrete)");
    }


    private static int SameWidth<T>(TaskSpec task, string column, IReadOnlyList<T[]> values, int steps)
    {
        if (values.Count != steps)
            throw Unfit(task, $"it has {values.Count} {column} for {steps} rewards");
        var width = values[0].Length;
        for (var t = 1; t < values.Count; t++)
            if (values[t].Length != width)
                throw Unfit(task, $"its {column} change width at step {t}: {values[t].Length} values after {width}");
        return width;
    }

    private static InvalidDataException Unfit(TaskSpec task, string why) =>
        new($"The model cannot take task {task.Name}: {why}.");

    /// <summary>One part of an episode, cut into windows on request.</summary>
    private abstract class WindowSource
    {
        public abstract StepValues Window(EpisodeWindow w, int length);
    }

    private sealed class FloatWindowSource(IReadOnlyList<float[]> steps, int width) : WindowSource
    {
        public override StepValues Window(EpisodeWindow w, int length)
        {
            var values = new float[length * width];
            for (var p = 0; p < length; p++)
                steps[EpisodeWindows.SourceStep(w, p)].CopyTo(values, p * width);
            return new FloatSteps(values, width);
        }
    }

    private sealed class IdWindowSource(IReadOnlyList<int[]> steps, int width, long[][]? missions) : WindowSource
    {
        private readonly int _stride = width + (missions is null ? 0 : Gpt2Text.MissionTokens);

        public override StepValues Window(EpisodeWindow w, int length)
        {
            var values = new long[length * _stride];
            for (var p = 0; p < length; p++)
            {
                var t = EpisodeWindows.SourceStep(w, p);
                var row = values.AsSpan(p * _stride, _stride);
                var source = steps[t];
                for (var i = 0; i < width; i++)
                    row[i] = source[i];
                missions?[t].CopyTo(row[width..]);
            }
            return new IdSteps(values, _stride);
        }
    }

    private sealed class ActionIdWindowSource(IReadOnlyList<long> actions) : WindowSource
    {
        public override StepValues Window(EpisodeWindow w, int length)
        {
            var values = new long[length];
            for (var p = 0; p < length; p++)
                values[p] = actions[EpisodeWindows.SourceStep(w, p)];
            return new IdSteps(values, 1);
        }
    }

    private sealed class FrameWindowSource(TaskSpec task, IReadOnlyList<byte[]> frames) : WindowSource
    {
        public override StepValues Window(EpisodeWindow w, int length)
        {
            var values = new float[length * FrameStackPlanes.Length];
            for (var p = 0; p < length; p++)
            {
                var destination = values.AsSpan(p * FrameStackPlanes.Length, FrameStackPlanes.Length);
                if (p >= w.Count)
                {
                    // Padding repeats the window's first frame, already decoded at position 0.
                    values.AsSpan(0, FrameStackPlanes.Length).CopyTo(destination);
                    continue;
                }
                try
                {
                    FrameStackPlanes.FromPng(frames[w.Start + p], destination);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"Task {task.Name}, step {w.Start + p}: {e.Message}", e);
                }
            }
            return new FrameSteps(values);
        }
    }
}
