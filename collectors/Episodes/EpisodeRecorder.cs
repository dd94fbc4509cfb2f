using Jat.Environments;
using Jat.Environments.Rollouts;
using Jat.Schema.Columns;
using Jat.Schema.Images;

namespace Jat.Collectors.Episodes;

/// <summary>
/// Records one slot's episode as a JAT row: observations o0..oT-1 (taken before each action), actions a0..aT-1 and
/// rewards r1..rT; the final observation is not stored. Continuous observations become float32, as JAT stores them;
/// image observations (an 84×84 stack of four frames) become RGBA PNGs, as JAT's Atari rows hold them.
/// Observation vectors come from <paramref name="pool"/>; those of an episode that is dropped go back to it.
/// </summary>
internal sealed class EpisodeRecorder(StepArrayPool pool) : IEpisodeRecorder
{
    private readonly StepArrayPool.Local _arrays = pool.CreateLocal();

    private readonly List<float[]> _continuousObservations = [];
    private readonly List<int[]> _discreteObservations = [];
    private readonly List<string> _textObservations = [];
    private readonly List<byte[]> _imageObservations = [];
    private readonly List<float[]> _continuousActions = [];
    private readonly List<long> _discreteActions = [];
    private readonly List<float> _rewards = [];
    private EnvironmentSpec? _spec;
    private bool _handedOver;

    public void Begin(EnvironmentSpec spec)
    {
        if (spec.Observation.Image is { } image && (image.Height, image.Width, image.Channels) != (FrameStackPng.Size, FrameStackPng.Size, FrameStackPng.Frames))
        {
            throw new ArgumentException($"{spec.Task}: image observations are stored as {FrameStackPng.Size}×{FrameStackPng.Size} stacks of " +
                $"{FrameStackPng.Frames} frames (RGBA PNG), not {image.Height}×{image.Width}×{image.Channels}.", nameof(spec));
        }
        _spec = spec;
        if (!_handedOver)
            _arrays.Keep(_discreteObservations, _continuousObservations);
        _handedOver = false;
        _continuousObservations.Clear();
        _discreteObservations.Clear();
        _textObservations.Clear();
        _imageObservations.Clear();
        _continuousActions.Clear();
        _discreteActions.Clear();
        _rewards.Clear();
    }

    public void Observe(Observation observation)
    {
        var layout = Spec.Observation;
        if (layout.ContinuousSize > 0)
        {
            var values = _arrays.RentContinuous(observation.Continuous.Length);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)observation.Continuous[i];
            }
            _continuousObservations.Add(values);
        }
        if (layout.DiscreteSize > 0)
        {
            var values = _arrays.RentDiscrete(observation.Discrete.Length);
            observation.Discrete.CopyTo(values);
            _discreteObservations.Add(values);
        }
        if (layout.HasText)
        {
            _textObservations.Add(observation.Text);
        }
        if (layout.Image is not null)
        {
            _imageObservations.Add(FrameStackPng.Encode(observation.Image));
        }
    }

    public void Record(ReadOnlySpan<float> continuousAction, int discreteAction, double reward)
    {
        if (Spec.Actions is ContinuousActions)
        {
            _continuousActions.Add(continuousAction.ToArray());
        }
        else
        {
            _discreteActions.Add(discreteAction);
        }
        _rewards.Add((float)reward);
    }

    /// <summary>The episode as a row, lent to the shard writer: its vectors go back to the pool when the lease ends.</summary>
    public RowLease ToRow()
    {
        _handedOver = true;
        return new RowLease(Row(), pool);
    }

    private EnvironmentSpec Spec => _spec ?? throw new InvalidOperationException("Begin was not called.");

    // Plain arrays (not collection expressions, which may wrap them): the shard writer reads arrays as spans.
    private Example Row() => new()
    {
        ContinuousObservations = Spec.Observation.ContinuousSize > 0 ? _continuousObservations.ToArray() : null,
        DiscreteObservations = Spec.Observation.DiscreteSize > 0 ? _discreteObservations.ToArray() : null,
        TextObservations = Spec.Observation.HasText ? _textObservations.ToArray() : null,
        ImageObservations = Spec.Observation.Image is not null ? _imageObservations.ToArray() : null,
        ContinuousActions = Spec.Actions is ContinuousActions ? _continuousActions.ToArray() : null,
        DiscreteActions = Spec.Actions is DiscreteActions ? _discreteActions.ToArray() : null,
        Rewards = _rewards.ToArray(),
    };
}
