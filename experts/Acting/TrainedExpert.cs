using Jat.Environments;
using Jat.Environments.Random;
using Jat.Experts.Checkpoints;
using Jat.Experts.Dqn;
using Jat.Experts.Normalization;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using static TorchSharp.torch;

namespace Jat.Experts.Acting;

/// <summary>
/// A checkpoint put to work: observations are encoded and normalised with the saved statistics (which no longer
/// change), then the network acts. Deterministic acting takes the Gaussian mean, the most likely category or the
/// greedy Q action; otherwise actions are drawn (DQN: ε-greedy with the settings' acting ε).
/// </summary>
internal sealed class TrainedExpert : IExpert
{
    private readonly Checkpoint _checkpoint;
    private readonly ObservationEncoder _encoder;
    private readonly RunningStatistics? _statistics;
    private readonly DenseStack? _policy;
    private readonly float[]? _deviation;
    private Generator _generator;
    private Random _random;

    /// <param name="seed">Seeds the draws of non-deterministic acting.</param>
    public TrainedExpert(Checkpoint checkpoint, ulong seed = 0)
    {
        _checkpoint = checkpoint ?? throw new ArgumentNullException(nameof(checkpoint));
        _encoder = new ObservationEncoder(checkpoint.Header.Features);
        if (checkpoint.Header.Settings.NormalizeObservations && checkpoint.Header.ObservationStatistics is { } statistics)
        {
            _statistics = new RunningStatistics(statistics);
        }
        _generator = new Generator(seed);
        _random = new Random((int)(seed % int.MaxValue));
        checkpoint.Network.eval();
        _policy = checkpoint.Network switch
        {
            GaussianActorCritic gaussian => DenseStack.From(gaussian.ActorMean),
            CategoricalActorCritic categorical => DenseStack.From(categorical.Actor),
            QNetwork { Dense: { } dense } => DenseStack.From(dense),
            _ => null,
        };
        if (checkpoint.Network is GaussianActorCritic withDeviation)
        {
            using (no_grad())
            {
                _deviation = withDeviation.StandardDeviation.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();
            }
        }
    }

    public CheckpointHeader Header => _checkpoint.Header;

    /// <summary>Restarts the draws of non-deterministic acting from <paramref name="seed"/> (a collector does it per
    /// episode, so that an episode's actions depend on its own seed only).</summary>
    public void Reseed(ulong seed)
    {
        _generator.Dispose();
        _generator = new Generator(seed);
        _random = new Random((int)(seed % int.MaxValue));
    }

    public void ActContinuous(IReadOnlyList<Observation> observations, bool deterministic, Span<float> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var layout = Header.Actions;
        if (!layout.Continuous || _checkpoint.Network is not ActorCritic network || Header.Settings is not PpoSettings settings)
        {
            throw new InvalidOperationException($"The {Header.Algorithm} expert for {Header.Task} does not output continuous actions.");
        }
        using (no_grad())
        using (NewDisposeScope())
        {
            var raw = network.Sample(Vectors(observations), deterministic, _generator).Actions.data<float>().ToArray();
            ActionBounds.Apply(layout, settings.ActionBounding, raw, actions[..raw.Length]);
        }
    }

    public void ActDiscrete(IReadOnlyList<Observation> observations, bool deterministic, Span<int> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (Header.Actions.Continuous)
        {
            throw new InvalidOperationException($"The expert for {Header.Task} outputs continuous actions.");
        }
        using (no_grad())
        using (NewDisposeScope())
        {
            long[] chosen;
            switch (_checkpoint.Network)
            {
                case ActorCritic network:
                    chosen = network.Sample(Vectors(observations), deterministic, _generator).Actions.data<long>().ToArray();
                    break;
                case QNetwork q:
                    chosen = q.call(QInput(q, observations)).argmax(-1).data<long>().ToArray();
                    var epsilon = deterministic ? 0 : ((DqnSettings)Header.Settings).ActingEpsilon;
                    for (var i = 0; i < chosen.Length; i++)
                    {
                        if (epsilon > 0 && _random.NextDouble() < epsilon)
                        {
                            chosen[i] = _random.Next(Header.Actions.Size);
                        }
                    }
                    break;
                default:
                    throw new InvalidOperationException($"Unknown network {_checkpoint.Network.GetType().Name}.");
            }
            for (var i = 0; i < chosen.Length; i++)
            {
                actions[i] = (int)chosen[i];
            }
        }
    }

    /// <summary>
    /// Acts for several episodes at once, row <c>i</c> drawing its noise from <paramref name="draws"/>[i] (null: the
    /// mean action). The policy runs as a <see cref="DenseStack"/>, so each episode's actions follow its own seed and are
    /// the same whichever episodes share the batch.
    /// </summary>
    public void ActContinuous(IReadOnlyList<Observation> observations, IReadOnlyList<NumpyGenerator>? draws, Span<float> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var layout = Header.Actions;
        if (!layout.Continuous || _policy is null || _deviation is null || Header.Settings is not PpoSettings settings)
        {
            throw new InvalidOperationException($"The {Header.Algorithm} expert for {Header.Task} does not output continuous actions.");
        }
        var size = layout.Size;
        var raw = new float[observations.Count * size];
        _policy.Evaluate(EncodeVectors(observations), observations.Count, raw);
        if (draws is not null)
        {
            for (var row = 0; row < observations.Count; row++)
            {
                for (var j = 0; j < size; j++)
                {
                    raw[(row * size) + j] += (float)draws[row].StandardNormal() * _deviation[j];
                }
            }
        }
        ActionBounds.Apply(layout, settings.ActionBounding, raw, actions[..raw.Length]);
    }

    /// <summary>
    /// Chooses for several episodes at once, row <c>i</c> drawing from <paramref name="draws"/>[i] (null: the most likely
    /// action; DQN: the greedy one, else ε-greedy with the settings' acting ε).
    /// </summary>
    public void ActDiscrete(IReadOnlyList<Observation> observations, IReadOnlyList<NumpyGenerator>? draws, Span<int> actions)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (Header.Actions.Continuous)
        {
            throw new InvalidOperationException($"The expert for {Header.Task} outputs continuous actions.");
        }
        var count = Header.Actions.Size;
        var outputs = new float[observations.Count * count];
        if (_policy is not null)
        {
            _policy.Evaluate(EncodeVectors(observations), observations.Count, outputs);
        }
        else if (_checkpoint.Network is QNetwork frames)
        {
            using (no_grad())
            using (NewDisposeScope())
            {
                frames.call(QInput(frames, observations)).data<float>().CopyTo(outputs);
            }
        }
        else
        {
            throw new InvalidOperationException($"The {Header.Algorithm} expert for {Header.Task} does not choose discrete actions.");
        }
        var epsilon = draws is null || _checkpoint.Network is not QNetwork ? 0 : ((DqnSettings)Header.Settings).ActingEpsilon;
        for (var row = 0; row < observations.Count; row++)
        {
            var values = outputs.AsSpan(row * count, count);
            actions[row] = draws is null ? ArgMax(values)
                : _checkpoint.Network is QNetwork ? (epsilon > 0 && draws[row].Random() < epsilon ? (int)draws[row].Integers(0, count) : ArgMax(values))
                : Draw(values, draws[row].Random());
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>
    /// The action whose cumulative softmax probability first exceeds <paramref name="uniform"/> (the last if rounding
    /// leaves a gap).
    /// </summary>
    private static int Draw(ReadOnlySpan<float> logits, double uniform)
    {
        var largest = logits[ArgMax(logits)];
        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - largest);
        }
        double total = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            total += Math.Exp(logits[i] - largest) / sum;
            if (uniform < total)
            {
                return i;
            }
        }
        return logits.Length - 1;
    }

    public void Dispose()
    {
        _generator.Dispose();
        _checkpoint.Dispose();
    }

    private Tensor Vectors(IReadOnlyList<Observation> observations) =>
        tensor(EncodeVectors(observations), [observations.Count, Header.Features.VectorSize]);

    /// <summary>The observations as the network's input rows: encoded, then normalised with the saved statistics.</summary>
    private float[] EncodeVectors(IReadOnlyList<Observation> observations)
    {
        var size = Header.Features.VectorSize;
        var buffer = new float[observations.Count * size];
        for (var i = 0; i < observations.Count; i++)
        {
            _encoder.EncodeVector(observations[i], buffer.AsSpan(i * size, size));
        }
        _statistics?.Normalize(buffer, Header.Settings.ObservationClip);
        return buffer;
    }

    private Tensor QInput(QNetwork network, IReadOnlyList<Observation> observations)
    {
        if (!network.TakesFrames)
        {
            return Vectors(observations);
        }
        var image = Header.Features.Image!;
        var size = Header.Features.ImageSize;
        var buffer = new byte[observations.Count * size];
        for (var i = 0; i < observations.Count; i++)
        {
            _encoder.EncodeImage(observations[i], buffer.AsSpan(i * size, size));
        }
        return tensor(buffer, [observations.Count, image.Height, image.Width, image.Channels]);
    }
}
