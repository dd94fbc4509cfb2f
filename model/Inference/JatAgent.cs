using Jat.Environments;
using Jat.Model.Network;
using Jat.Model.Network.Transformer;
using Jat.Model.Processing;
using Jat.Model.Processing.Images;
using TorchSharp;
using static TorchSharp.torch;
using EnvContinuous = Jat.Environments.ContinuousActions;
using EnvDiscrete = Jat.Environments.DiscreteActions;

namespace Jat.Model.Inference;

/// <summary>How a <see cref="JatAgent"/> chooses.</summary>
/// <param name="ContextWindow">positions of the KV cache kept after each step (JAT's eval: 256, Atari 32); null keeps
/// all the model's positions allow. Counted in positions, as JAT counts it: an observation and an action are two.</param>
/// <param name="Deterministic">discrete actions: the most likely instead of a draw from the softmax</param>
/// <param name="Seed">seeds the draws of discrete actions</param>
public sealed record JatAgentOptions(int? ContextWindow = null, bool Deterministic = false, ulong Seed = 0);

/// <summary>
/// JAT's <c>get_next_action</c>: plays an episode step by step with a KV cache. Each call feeds the previous step's
/// observation and action (already in the cache's past, but dropped from it after the previous call) and the new
/// observation with a placeholder action, and reads the action predicted at the new observation. The cache then keeps
/// its last <c>max_position_embeddings − 2</c> positions, drops the last two (the new observation and its placeholder)
/// and, with a context window, keeps only that many positions.
/// </summary>
public sealed class JatAgent : IDisposable
{
    private readonly JatModel _model;
    private readonly EnvironmentSpec _spec;
    private readonly JatAgentOptions _options;
    private readonly KeyValueCache _cache;
    private readonly Generator _generator;
    private readonly Device _device;
    private readonly MissionIds _missions = new();
    private Step? _last;

    public JatAgent(JatModel model, EnvironmentSpec spec, JatAgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spec);
        _model = model;
        _spec = spec;
        _options = options ?? new JatAgentOptions();
        if (_options.ContextWindow is < 2)
            throw new ArgumentOutOfRangeException(nameof(options), "The context window holds at least one observation and its action (2 positions).");
        CheckEmbeddable(model.Config, spec);
        _cache = new KeyValueCache(model.Layers);
        _device = model.parameters().First().device;
        _generator = new Generator(_options.Seed, _device);
    }

    /// <summary>The positions held in the KV cache.</summary>
    public long CachedPositions => _cache.Length;

    /// <summary>Forgets the episode (JAT's <c>reset_rl</c>).</summary>
    public void Reset()
    {
        _cache.Clear();
        _last = null;
    }

    /// <summary>The action for the environment's current observation.</summary>
    /// <param name="reward">the reward the last step gave; null right after a reset (JAT then feeds 0)</param>
    /// <param name="continuousAction">receives a continuous task's action</param>
    /// <returns>a discrete task's action (−1 for a continuous task)</returns>
    public int Act(Observation observation, float? reward, Span<float> continuousAction = default)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var current = new Step(Encode(observation), reward ?? 0f, null);
        var steps = _last is null ? new[] { current } : [_last, current];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _model.eval();
        var output = _model.Forward(Inputs(steps), computeLoss: false, _cache);
        _cache.TrimAfterStep(_model.Config.MaxPositionEmbeddings, _options.ContextWindow);
        var predicted = output.PredictedActions![0, -1];
        if (_spec.Actions is EnvContinuous c)
        {
            var action = predicted.to(ScalarType.Float32).cpu().data<float>().ToArray();
            if (continuousAction.Length != c.Size)
                throw new ArgumentException($"The action has {c.Size} values; the span given holds {continuousAction.Length}.", nameof(continuousAction));
            action.CopyTo(continuousAction);
            _last = current with { ContinuousAction = action };
            return -1;
        }
        var n = ((EnvDiscrete)_spec.Actions).Count;
        var logits = predicted[TensorIndex.Slice(null, n)];
        var chosen = _options.Deterministic
            ? logits.argmax().item<long>()
            : multinomial(logits.softmax(-1), 1, generator: _generator)[0].item<long>();
        _last = current with { DiscreteAction = chosen };
        return (int)chosen;
    }

    private RlInputs Inputs(IReadOnlyList<Step> steps)
    {
        var t = steps.Count;
        var rewards = tensor(steps.Select(s => s.Reward).ToArray(), [1, t], device: _device);
        Observations observations = steps[0].Observation switch
        {
            float[] when _spec.Observation.Image is not null => new ImageObservations(tensor(steps.SelectMany(s => (float[])s.Observation).ToArray(),
                [1, t, FrameStackPlanes.Frames, FrameStackPlanes.Size, FrameStackPlanes.Size], device: _device)),
            float[] f => new ContinuousObservations(tensor(steps.SelectMany(s => (float[])s.Observation).ToArray(), [1, t, f.Length], device: _device)),
            long[] l => new DiscreteObservations(tensor(steps.SelectMany(s => (long[])s.Observation).ToArray(), [1, t, l.Length], device: _device)),
            _ => throw new InvalidOperationException("Unknown observation."),
        };
        Network.Actions actions = _spec.Actions switch
        {
            EnvContinuous c => new Network.ContinuousActions(tensor(
                steps.SelectMany(s => s.ContinuousAction ?? new float[c.Size]).ToArray(), [1, t, c.Size], device: _device)),
            _ => new Network.DiscreteActions(tensor(steps.Select(s => s.DiscreteAction ?? 0L).ToArray(), [1, t], device: _device)),
        };
        return new RlInputs(observations, actions, rewards);
    }

    private Array Encode(Observation observation)
    {
        var layout = _spec.Observation;
        if (layout.Image is not null)
        {
            var planes = new float[FrameStackPlanes.Length];
            FrameStackPlanes.FromPixels(observation.Image, planes);
            return planes;
        }
        if (layout.DiscreteSize > 0)
        {
            var values = new long[layout.DiscreteSize + (layout.HasText ? Gpt2Text.MissionTokens : 0)];
            for (var i = 0; i < layout.DiscreteSize; i++)
                values[i] = observation.Discrete[i];
            if (layout.HasText)
                _missions.Of(observation.Text).CopyTo(values, layout.DiscreteSize);
            return values;
        }
        // The original's float64 observation, rounded to float32 as torch.tensor rounds a list of Python floats.
        var continuous = new float[layout.ContinuousSize];
        for (var i = 0; i < continuous.Length; i++)
            continuous[i] = (float)observation.Continuous[i];
        return continuous;
    }


    private static void CheckEmbeddable(Configuration.JatConfig config, EnvironmentSpec spec)
    {
        var layout = spec.Observation;
        string? why = null;
        if (layout.Image is { } image && (image.Height, image.Width, image.Channels) != (FrameStackPlanes.Size, FrameStackPlanes.Size, FrameStackPlanes.Frames))
            why = $"its images are {image.Height}×{image.Width}×{image.Channels}, the image encoder takes 84×84×4";
        else if (layout.Image is null && layout.DiscreteSize > 0 && layout.DiscreteSize + (layout.HasText ? Gpt2Text.MissionTokens : 0) != config.MaxDiscreteValue)
            why = $"its discrete observations are {layout.DiscreteSize + (layout.HasText ? Gpt2Text.MissionTokens : 0)} values, the model takes {config.MaxDiscreteValue} (max_discrete_value)";
        else if (layout.Image is null && layout.DiscreteSize == 0 && layout.ContinuousSize + 1 > config.MaxContinuousSize)
            why = $"its observations are {layout.ContinuousSize} values and the reward, the model takes {config.MaxContinuousSize} (max_continuous_size)";
        else if (spec.Actions is EnvContinuous c && c.Size > config.MaxContinuousSize)
            why = $"its actions are {c.Size} values, the model takes {config.MaxContinuousSize} (max_continuous_size)";
        else if (spec.Actions is EnvDiscrete d && d.Count > config.VocabSize)
            why = $"its {d.Count} actions exceed the model's {config.VocabSize}-word vocabulary";
        if (why is not null)
            throw new InvalidDataException($"The model cannot play task {spec.Task}: {why}.");
    }

    public void Dispose()
    {
        _cache.Dispose();
        _generator.Dispose();
    }

    /// <summary>One step of the episode as the model reads it; the action is set once chosen.</summary>
    private sealed record Step(Array Observation, float Reward, float[]? ContinuousAction, long? DiscreteAction = null);
}
