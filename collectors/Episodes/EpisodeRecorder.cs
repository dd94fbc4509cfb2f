using Jat.Environments;
using Jat.Schema.Columns;

namespace Jat.Collectors.Episodes;

/// <summary>
/// Records one episode as a JAT row: observations o0..oT-1 (taken before each action), actions a0..aT-1 and rewards
/// r1..rT; the final observation is not stored. Continuous observations become float32, as JAT stores them.
/// Observation vectors come from <paramref name="pool"/>; those of an episode that is cleared without becoming a row
/// go back to it.
/// </summary>
internal sealed class EpisodeRecorder(EnvironmentSpec spec, StepArrayPool pool)
{
    private readonly StepArrayPool.Local _arrays = pool.CreateLocal();

    private readonly List<float[]> _continuousObservations = [];
    private readonly List<int[]> _discreteObservations = [];
    private readonly List<string> _textObservations = [];
    private readonly List<float[]> _continuousActions = [];
    private readonly List<long> _discreteActions = [];
    private readonly List<float> _rewards = [];

    public int Steps => _rewards.Count;

    public double Return { get; private set; }

    private bool _handedOver;

    public void Clear()
    {
        if (!_handedOver)
            _arrays.Keep(_discreteObservations, _continuousObservations);
        _handedOver = false;
        _continuousObservations.Clear();
        _discreteObservations.Clear();
        _textObservations.Clear();
        _continuousActions.Clear();
        _discreteActions.Clear();
        _rewards.Clear();
        Return = 0;
    }

    public void Observe(Observation observation)
    {
        if (spec.Observation.ContinuousSize > 0)
        {
            var values = _arrays.RentContinuous(observation.Continuous.Length);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)observation.Continuous[i];
            }
            _continuousObservations.Add(values);
        }
        if (spec.Observation.DiscreteSize > 0)
        {
            var values = _arrays.RentDiscrete(observation.Discrete.Length);
            observation.Discrete.CopyTo(values);
            _discreteObservations.Add(values);
        }
        if (spec.Observation.HasText)
        {
            _textObservations.Add(observation.Text);
        }
    }

    public void Act(ReadOnlySpan<float> continuous, int discrete, double reward)
    {
        if (spec.Actions is ContinuousActions)
        {
            _continuousActions.Add(continuous.ToArray());
        }
        else
        {
            _discreteActions.Add(discrete);
        }
        _rewards.Add((float)reward);
        Return += reward;
    }

    /// <summary>The episode as a row; its observation vectors are the row's now (until the writer returns them).</summary>
    public Example ToExample()
    {
        _handedOver = true;
        return Row();
    }

    // Plain arrays (not collection expressions, which may wrap them): the shard writer reads arrays as spans.
    private Example Row() => new()
    {
        ContinuousObservations = spec.Observation.ContinuousSize > 0 ? _continuousObservations.ToArray() : null,
        DiscreteObservations = spec.Observation.DiscreteSize > 0 ? _discreteObservations.ToArray() : null,
        TextObservations = spec.Observation.HasText ? _textObservations.ToArray() : null,
        ContinuousActions = spec.Actions is ContinuousActions ? _continuousActions.ToArray() : null,
        DiscreteActions = spec.Actions is DiscreteActions ? _discreteActions.ToArray() : null,
        Rewards = _rewards.ToArray(),
    };
}
