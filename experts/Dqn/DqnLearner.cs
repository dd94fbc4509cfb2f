using Jat.Environments.Vector;
using Jat.Experts.Checkpoints;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Torch;
using Jat.Experts.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Dqn;

/// <summary>
/// Deep Q-learning: ε-greedy acting in N copies, n-step transitions into a uniform replay buffer, one Adam step on the
/// (Huber or squared) TD error every few environment steps, double-DQN targets from a target network that follows the
/// online one every so many steps. Frames go through the Nature CNN, vectors through an MLP.
/// </summary>
internal sealed class DqnLearner : ILearner
{
    // Environment steps per reported iteration: enough episodes to average, few enough to follow learning.
    private const int StepsPerIteration = 1024;

    private readonly DqnSettings _settings;
    private readonly FeatureLayout _features;
    private readonly ActionLayout _actions;
    private readonly VectorEnvironment _environments;
    private readonly Device _device;
    private readonly ObservationEncoder _encoder;
    private readonly QNetwork _online;
    private readonly QNetwork _target;
    private readonly AdamOptimizer _optimizer;
    private readonly ReplayBuffer _replay;
    private readonly NStepReturns _nStep;
    private readonly EpsilonSchedule _epsilon;
    private readonly Random _random;

    private readonly int _copies;
    private readonly int _vectorSize;
    private readonly int _imageSize;
    private readonly float[] _vectors;
    private readonly byte[] _images;
    private readonly float[] _nextVector;
    private readonly byte[] _nextImage;
    private readonly int[] _chosen;
    private long _nextUpdate;
    private long _nextTargetUpdate;

    public DqnLearner(
        DqnSettings settings, FeatureLayout features, ActionLayout actions, VectorEnvironment environments, Device device,
        Checkpoint? resume = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(environments);
        settings.Validate();
        if (actions.Continuous)
        {
            throw new ArgumentException("DQN needs discrete actions.", nameof(actions));
        }
        if (environments.Count != settings.Environments)
        {
            throw new ArgumentException($"Settings ask for {settings.Environments} copies; the vector has {environments.Count}.");
        }
        _settings = settings;
        _features = features;
        _actions = actions;
        _environments = environments;
        _device = device;
        _encoder = new ObservationEncoder(features);
        _copies = environments.Count;
        _vectorSize = features.VectorSize;
        _imageSize = features.ImageSize;

        random.manual_seed(settings.Seed);
        _online = (QNetwork)PolicyNetworks.Create(Header("", 0), resume?.Network);
        _target = (QNetwork)PolicyNetworks.Create(Header("", 0));
        Steps = resume?.Header.EnvironmentSteps ?? 0;
        _target.load_state_dict(_online.state_dict());
        _online.to(device);
        _target.to(device);
        _target.eval();
        _optimizer = new AdamOptimizer(_online.parameters(), settings.LearningRate, settings.AdamEpsilon);
        _replay = new ReplayBuffer(settings.BufferSize, _vectorSize, _imageSize);
        _nStep = new NStepReturns(_copies, settings.NSteps, settings.Gamma, _vectorSize, _imageSize);
        _epsilon = new EpsilonSchedule(
            settings.EpsilonStart, settings.EpsilonEnd, settings.ExplorationFraction * settings.TotalSteps);
        _random = new Random(settings.Seed + (int)(Steps % int.MaxValue));

        _vectors = new float[_copies * _vectorSize];
        _images = new byte[_copies * _imageSize];
        _nextVector = new float[_vectorSize];
        _nextImage = new byte[_imageSize];
        _chosen = new int[_copies];
        // After a resume the buffer is empty again, so learning waits until it holds LearningStarts fresh steps.
        _nextUpdate = Steps + settings.LearningStarts;
        _nextTargetUpdate = Steps + settings.TargetUpdateEvery;
        _environments.Reset((ulong)settings.Seed + (ulong)Steps);
    }

    public long Steps { get; private set; }

    public LearnerTimings? Timings => null;

    public IterationReport RunIteration()
    {
        var returns = new List<double>();
        var lengths = new List<int>();
        double loss = 0, q = 0;
        var updates = 0;
        var until = Steps + Math.Max(StepsPerIteration, _copies);
        while (Steps < until)
        {
            var epsilon = _epsilon.At(Steps);
            Act(epsilon);
            _environments.Step(_chosen);
            Steps += _copies;
            Store(returns, lengths);
            while (Steps >= _nextUpdate && _replay.Count >= _settings.BatchSize)
            {
                var (batchLoss, batchQ) = Learn();
                loss += batchLoss;
                q += batchQ;
                updates++;
                _nextUpdate += _settings.UpdateEvery;
            }
            while (Steps >= _nextTargetUpdate)
            {
                UpdateTarget();
                _nextTargetUpdate += _settings.TargetUpdateEvery;
            }
        }
        return new IterationReport(Steps, returns, lengths,
        [
            new("epsilon", _epsilon.At(Steps)),
            new("td_loss", updates > 0 ? loss / updates : double.NaN),
            new("q_mean", updates > 0 ? q / updates : double.NaN),
            new("gradient_steps", updates),
        ]);
    }

    public AdamOptimizer Optimizer => _optimizer;

    public Checkpoint Snapshot(string task) => Checkpoint.Of(Header(task, Steps), _online);

    public void Dispose()
    {
        _optimizer.Dispose();
        _online.Dispose();
        _target.Dispose();
    }

    private CheckpointHeader Header(string task, long steps) => new(task, _settings, _features, _actions, null, null, steps);

    private void Act(double epsilon)
    {
        for (var i = 0; i < _copies; i++)
        {
            var observation = _environments.Current(i);
            _encoder.EncodeVector(observation, _vectors.AsSpan(i * _vectorSize, _vectorSize));
            if (_imageSize > 0)
            {
                _encoder.EncodeImage(observation, _images.AsSpan(i * _imageSize, _imageSize));
            }
        }
        var greedy = new List<int>();
        for (var i = 0; i < _copies; i++)
        {
            if (_random.NextDouble() < epsilon)
            {
                _chosen[i] = _random.Next(_actions.Size);
            }
            else
            {
                greedy.Add(i);
            }
        }
        if (greedy.Count == 0)
        {
            return;
        }
        using (no_grad())
        using (NewDisposeScope())
        {
            var values = _online.call(Input(_vectors, _images, _copies)).argmax(-1).cpu().data<long>().ToArray();
            foreach (var i in greedy)
            {
                _chosen[i] = (int)values[i];
            }
        }
    }

    private void Store(List<double> episodeReturns, List<int> episodeLengths)
    {
        for (var i = 0; i < _copies; i++)
        {
            var terminated = _environments.Terminated[i];
            var truncated = _environments.Truncated[i];
            var next = terminated || truncated ? _environments.Final(i) : _environments.Current(i);
            _encoder.EncodeVector(next, _nextVector);
            if (_imageSize > 0)
            {
                _encoder.EncodeImage(next, _nextImage);
            }
            _nStep.Add(
                i, _vectors.AsSpan(i * _vectorSize, _vectorSize), _images.AsSpan(i * _imageSize, _imageSize), _chosen[i],
                _environments.Rewards[i], terminated, truncated, _nextVector, _nextImage, _replay);
            if (terminated || truncated)
            {
                episodeReturns.Add(_environments.EpisodeReturns[i]);
                episodeLengths.Add(_environments.EpisodeLengths[i]);
            }
        }
    }

    private (double Loss, double Q) Learn()
    {
        using var scope = NewDisposeScope();
        var batch = _replay.Sample(_settings.BatchSize, _random);
        var size = _settings.BatchSize;
        var observations = _online.TakesFrames ? Frames(batch.Images, size) : batch.Vectors.to(_device);
        var nextObservations = _online.TakesFrames ? Frames(batch.NextImages, size) : batch.NextVectors.to(_device);
        Tensor target;
        using (no_grad())
        {
            var nextTarget = _target.call(nextObservations);
            var nextOnline = _settings.DoubleDqn ? _online.call(nextObservations) : null;
            target = DqnTarget.Compute(batch.Returns.to(_device), batch.Discounts.to(_device), nextTarget, nextOnline);
        }
        var predicted = _online.call(observations).gather(-1, batch.Actions.to(_device).unsqueeze(-1)).squeeze(-1);
        var loss = _settings.HuberLoss
            ? nn.functional.smooth_l1_loss(predicted, target)
            : nn.functional.mse_loss(predicted, target);
        _optimizer.ZeroGrad();
        loss.backward();
        nn.utils.clip_grad_norm_(_online.parameters(), _settings.MaxGradNorm);
        _optimizer.Step();
        return (loss.item<float>(), predicted.mean().item<float>());
    }

    private void UpdateTarget()
    {
        // Scalars held for the whole loop: TorchSharp does not keep an inline one alive during its native call.
        using var keep = (1 - _settings.TargetTau).ToScalar();
        using var take = _settings.TargetTau.ToScalar();
        using (no_grad())
        {
            var online = _online.parameters().ToList();
            var target = _target.parameters().ToList();
            for (var k = 0; k < online.Count; k++)
            {
                if (_settings.TargetTau >= 1)
                {
                    target[k].copy_(online[k]);
                }
                else
                {
                    target[k].mul_(keep).add_(online[k], take);
                }
            }
        }
    }

    private Tensor Input(float[] vectors, byte[] images, int rows) => _online.TakesFrames
        ? Frames(tensor(images, [rows, _imageSize]), rows)
        : tensor(vectors, [rows, _vectorSize]).to(_device);

    private Tensor Frames(Tensor flat, int rows)
    {
        var image = _features.Image!;
        return flat.reshape(rows, image.Height, image.Width, image.Channels).to(_device);
    }
}
