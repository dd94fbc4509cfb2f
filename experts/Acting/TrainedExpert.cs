using Jat.Environments;
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

    public void Dispose()
    {
        _generator.Dispose();
        _checkpoint.Dispose();
    }

    private Tensor Vectors(IReadOnlyList<Observation> observations)
    {
        var size = Header.Features.VectorSize;
        var buffer = new float[observations.Count * size];
        for (var i = 0; i < observations.Count; i++)
        {
            _encoder.EncodeVector(observations[i], buffer.AsSpan(i * size, size));
        }
        _statistics?.Normalize(buffer, Header.Settings.ObservationClip);
        return tensor(buffer, [observations.Count, size]);
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
