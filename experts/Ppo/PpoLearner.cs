using System.Diagnostics;
using Jat.Environments.Vector;
using Jat.Experts.Checkpoints;
using Jat.Experts.Normalization;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Torch;
using Jat.Experts.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Ppo;

/// <summary>
/// Proximal policy optimisation (Schulman et al., 2017) in the CleanRL mould: N copies roll out T steps, GAE turns the
/// rollout into advantages, and a few epochs of minibatch Adam steps follow on the clipped objective, with value
/// clipping, an entropy bonus, gradient-norm clipping and a linearly decaying learning rate. Observations are
/// normalised with running statistics; values are learnt on returns scaled by theirs (Sample Factory's
/// <c>normalize_returns</c>), and time-limit cuts are bootstrapped with the value of the final observation.
/// </summary>
internal sealed class PpoLearner : ILearner
{
    private readonly PpoSettings _settings;
    private readonly FeatureLayout _features;
    private readonly ActionLayout _actions;
    private readonly VectorEnvironment _environments;
    private readonly Device _device;
    private readonly ObservationEncoder _encoder;
    private readonly ActorCritic _network;
    private readonly AdamOptimizer _optimizer;
    private readonly Scalar _advantageEpsilon = 1e-8.ToScalar();
    private readonly RunningStatistics? _observationStatistics;
    private readonly RunningStatistics? _returnStatistics;
    private readonly Generator _generator;
    private readonly Random _shuffle;

    private readonly int _copies;
    private readonly int _vectorSize;
    private readonly int _actionWidth;
    private readonly float[] _observations;
    private readonly float[] _rawActions;
    private readonly float[] _logProbabilities;
    private readonly float[] _values;
    private readonly float[] _rewards;
    private readonly bool[] _ended;
    private readonly float[] _stepObservations;
    private readonly float[] _boundedActions;
    private readonly int[] _discreteActions;

    // Stopwatch ticks per phase, summed over iterations (see LearnerTimings).
    private long _environmentTicks;
    private long _inferenceTicks;
    private long _updateTicks;
    private long _totalTicks;

    public PpoLearner(
        PpoSettings settings, FeatureLayout features, ActionLayout actions, VectorEnvironment environments, Device device,
        Checkpoint? resume = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environments);
        settings.Validate();
        if (environments.Count != settings.Environments)
        {
            throw new ArgumentException($"Settings ask for {settings.Environments} copies; the vector has {environments.Count}.");
        }
        _settings = settings;
        _features = features ?? throw new ArgumentNullException(nameof(features));
        _actions = actions ?? throw new ArgumentNullException(nameof(actions));
        _environments = environments;
        _device = device;
        _encoder = new ObservationEncoder(features);
        _copies = environments.Count;
        _vectorSize = features.VectorSize;
        _actionWidth = actions.Continuous ? actions.Size : 1;

        random.manual_seed(settings.Seed);
        _network = (ActorCritic)PolicyNetworks.Create(Header("", null, null, 0), resume?.Network);
        Steps = resume?.Header.EnvironmentSteps ?? 0;
        _network.to(device);
        _optimizer = new AdamOptimizer(_network.parameters(), settings.LearningRate, settings.AdamEpsilon);
        if (settings.NormalizeObservations)
        {
            _observationStatistics = resume?.Header.ObservationStatistics is { } o ? new RunningStatistics(o) : new RunningStatistics(_vectorSize);
        }
        if (settings.NormalizeReturns)
        {
            _returnStatistics = resume?.Header.ReturnStatistics is { } r ? new RunningStatistics(r) : new RunningStatistics(1);
        }
        _generator = new Generator((ulong)settings.Seed + (ulong)Steps, device);
        _shuffle = new Random(settings.Seed + (int)(Steps % int.MaxValue));

        var samples = settings.RolloutSteps * _copies;
        _observations = new float[samples * _vectorSize];
        _rawActions = new float[samples * _actionWidth];
        _logProbabilities = new float[samples];
        _values = new float[samples];
        _rewards = new float[samples];
        _ended = new bool[samples];
        _stepObservations = new float[_copies * _vectorSize];
        _boundedActions = new float[_copies * _actionWidth];
        _discreteActions = new int[_copies];
        _environments.Reset((ulong)settings.Seed + (ulong)Steps);
    }

    public long Steps { get; private set; }

    public LearnerTimings Timings => new(
        Stopwatch.GetElapsedTime(0, _environmentTicks), Stopwatch.GetElapsedTime(0, _inferenceTicks),
        Stopwatch.GetElapsedTime(0, _updateTicks), Stopwatch.GetElapsedTime(0, _totalTicks));

    public IterationReport RunIteration()
    {
        var started = Stopwatch.GetTimestamp();
        var learningRate = _settings.LearningRateAt(Steps);
        _optimizer.LearningRate = learningRate;
        var returns = new List<double>();
        var lengths = new List<int>();
        var lastValues = Collect(returns, lengths);

        var samples = _rewards.Length;
        var advantages = new float[samples];
        GeneralizedAdvantageEstimation.Compute(
            _rewards, _values, _ended, lastValues, _settings.Gamma, _settings.GaeLambda, advantages);
        var metrics = Update(advantages);
        metrics.Insert(0, new Metric("learning_rate", learningRate));
        _totalTicks += Stopwatch.GetTimestamp() - started;
        return new IterationReport(Steps, returns, lengths, metrics);
    }

    public AdamOptimizer Optimizer => _optimizer;

    public Checkpoint Snapshot(string task) =>
        Checkpoint.Of(Header(task, _observationStatistics?.Snapshot(), _returnStatistics?.Snapshot(), Steps), _network);

    public void Dispose()
    {
        _optimizer.Dispose();
        _advantageEpsilon.Dispose();
        _network.Dispose();
        _generator.Dispose();
    }

    private CheckpointHeader Header(string task, StatisticsSnapshot? observations, StatisticsSnapshot? returns, long steps) =>
        new(task, _settings, _features, _actions, observations, returns, steps);

    /// <summary>Plays T steps in every copy, filling the rollout; returns the values of the observations after it.</summary>
    private float[] Collect(List<double> episodeReturns, List<int> episodeLengths)
    {
        _network.eval();
        for (var t = 0; t < _settings.RolloutSteps; t++)
        {
            EncodeCurrent(_stepObservations, update: true);
            var offset = t * _copies;
            _stepObservations.AsSpan().CopyTo(_observations.AsSpan(offset * _vectorSize));
            var inferring = Stopwatch.GetTimestamp();
            using (no_grad())
            using (NewDisposeScope())
            {
                var input = tensor(_stepObservations, [_copies, _vectorSize]).to(_device);
                var sample = _network.Sample(input, deterministic: false, _generator);
                sample.LogProbabilities.cpu().data<float>().CopyTo(_logProbabilities, offset);
                Denormalize(_network.Value(input).cpu().data<float>().ToArray()).CopyTo(_values, offset);
                if (_actions.Continuous)
                {
                    sample.Actions.cpu().data<float>().CopyTo(_rawActions, offset * _actionWidth);
                }
                else
                {
                    var chosen = sample.Actions.cpu().data<long>().ToArray();
                    for (var i = 0; i < _copies; i++)
                    {
                        _discreteActions[i] = (int)chosen[i];
                        _rawActions[offset + i] = chosen[i];
                    }
                }
            }
            _inferenceTicks += Stopwatch.GetTimestamp() - inferring;
            if (_actions.Continuous)
            {
                ActionBounds.Apply(_actions, _settings.ActionBounding, _rawActions.AsSpan(offset * _actionWidth, _copies * _actionWidth), _boundedActions);
            }
            var stepping = Stopwatch.GetTimestamp();
            if (_actions.Continuous)
            {
                _environments.Step(_boundedActions);
            }
            else
            {
                _environments.Step(_discreteActions);
            }
            _environmentTicks += Stopwatch.GetTimestamp() - stepping;
            Steps += _copies;
            Record(offset, episodeReturns, episodeLengths);
        }
        EncodeCurrent(_stepObservations, update: false);
        var last = Stopwatch.GetTimestamp();
        float[] lastValues;
        using (no_grad())
        using (NewDisposeScope())
        {
            var input = tensor(_stepObservations, [_copies, _vectorSize]).to(_device);
            lastValues = _network.Value(input).cpu().data<float>().ToArray();
        }
        _inferenceTicks += Stopwatch.GetTimestamp() - last;
        return Denormalize(lastValues);
    }

    private void Record(int offset, List<double> episodeReturns, List<int> episodeLengths)
    {
        List<int>? cut = null;
        for (var i = 0; i < _copies; i++)
        {
            var terminated = _environments.Terminated[i];
            var truncated = _environments.Truncated[i];
            _rewards[offset + i] = (float)(_environments.Rewards[i] * _settings.RewardScale);
            _ended[offset + i] = terminated || truncated;
            if (terminated || truncated)
            {
                episodeReturns.Add(_environments.EpisodeReturns[i]);
                episodeLengths.Add(_environments.EpisodeLengths[i]);
            }
            if (truncated && !terminated && _settings.ValueBootstrap)
            {
                (cut ??= []).Add(i);
            }
        }
        if (cut is null)
        {
            return;
        }
        // A time limit is not a property of the task: the episode would have gone on, so its value is added back.
        var finals = new float[cut.Count * _vectorSize];
        for (var k = 0; k < cut.Count; k++)
        {
            _encoder.EncodeVector(_environments.Final(cut[k]), finals.AsSpan(k * _vectorSize, _vectorSize));
        }
        _observationStatistics?.Normalize(finals, _settings.ObservationClip);
        var inferring = Stopwatch.GetTimestamp();
        float[] values;
        using (no_grad())
        using (NewDisposeScope())
        {
            values = _network.Value(tensor(finals, [cut.Count, _vectorSize]).to(_device)).cpu().data<float>().ToArray();
        }
        _inferenceTicks += Stopwatch.GetTimestamp() - inferring;
        Denormalize(values);
        for (var k = 0; k < cut.Count; k++)
        {
            _rewards[offset + cut[k]] += (float)(_settings.Gamma * values[k]);
        }
    }

    private List<Metric> Update(float[] advantages)
    {
        _network.train();
        var samples = advantages.Length;
        var returns = new float[samples];
        var oldValues = new float[samples];
        for (var i = 0; i < samples; i++)
        {
            returns[i] = advantages[i] + _values[i];
            oldValues[i] = _values[i];
        }
        if (_returnStatistics is { } statistics)
        {
            statistics.Update(returns, samples);
            Scale(returns, statistics);
            Scale(oldValues, statistics);
        }

        var updating = Stopwatch.GetTimestamp();
        double policy = 0, value = 0, entropy = 0, kl = 0, clipped = 0;
        var minibatches = 0;
        using var scope = NewDisposeScope();
        var observations = tensor(_observations, [samples, _vectorSize]).to(_device);
        var actions = _actions.Continuous
            ? tensor(_rawActions, [samples, _actionWidth]).to(_device)
            : tensor(_rawActions).to_type(ScalarType.Int64).to(_device);
        var oldLogProbabilities = tensor(_logProbabilities).to(_device);
        var advantageTensor = tensor(advantages).to(_device);
        var returnTensor = tensor(returns).to(_device);
        var oldValueTensor = tensor(oldValues).to(_device);
        var order = Enumerable.Range(0, samples).Select(i => (long)i).ToArray();
        for (var epoch = 0; epoch < _settings.Epochs; epoch++)
        {
            if (_settings.ShuffleMinibatches)
            {
                _shuffle.Shuffle(order);
            }
            for (var start = 0; start < samples; start += _settings.MinibatchSize)
            {
                using var step = NewDisposeScope();
                var index = tensor(order.AsSpan(start, _settings.MinibatchSize).ToArray()).to(_device);
                var batchObservations = observations.index_select(0, index);
                var (logProbabilities, batchEntropy) = _network.Evaluate(batchObservations, actions.index_select(0, index));
                var batchAdvantages = advantageTensor.index_select(0, index);
                if (_settings.NormalizeAdvantages && _settings.MinibatchSize > 1)
                {
                    // Scalars held, not inline: see Jat.Torch.AdamOptimizer on libtorch reading a finalised temporary.
                    batchAdvantages = (batchAdvantages - batchAdvantages.mean()) / batchAdvantages.std().add(_advantageEpsilon, HeldScalars.One);
                }
                var terms = PpoLoss.Compute(
                    logProbabilities, oldLogProbabilities.index_select(0, index), batchAdvantages,
                    _network.Value(batchObservations), oldValueTensor.index_select(0, index), returnTensor.index_select(0, index),
                    batchEntropy, _settings.ClipRatio, _settings.ValueClip, _settings.ValueCoefficient, _settings.EntropyCoefficient);
                _optimizer.ZeroGrad();
                terms.Total.backward();
                nn.utils.clip_grad_norm_(_network.parameters(), _settings.MaxGradNorm);
                _optimizer.Step();
                policy += terms.Policy;
                value += terms.Value;
                entropy += terms.Entropy;
                kl += terms.ApproximateKl;
                clipped += terms.ClipFraction;
                minibatches++;
            }
        }
        _updateTicks += Stopwatch.GetTimestamp() - updating;
        return
        [
            new("policy_loss", policy / minibatches),
            new("value_loss", value / minibatches),
            new("entropy", entropy / minibatches),
            new("approx_kl", kl / minibatches),
            new("clip_fraction", clipped / minibatches),
        ];
    }

    private void EncodeCurrent(float[] destination, bool update)
    {
        for (var i = 0; i < _copies; i++)
        {
            _encoder.EncodeVector(_environments.Current(i), destination.AsSpan(i * _vectorSize, _vectorSize));
        }
        if (_observationStatistics is { } statistics)
        {
            if (update)
            {
                statistics.Update(destination, _copies);
            }
            statistics.Normalize(destination, _settings.ObservationClip);
        }
    }

    /// <summary>Values come out of the critic in return-normalised units; GAE works in reward units.</summary>
    private float[] Denormalize(float[] values)
    {
        if (_returnStatistics is { } statistics)
        {
            var scale = statistics.StandardDeviation(0);
            var mean = statistics.Mean[0];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)(values[i] * scale + mean);
            }
        }
        return values;
    }

    private static void Scale(float[] values, RunningStatistics statistics)
    {
        var scale = statistics.StandardDeviation(0);
        var mean = statistics.Mean[0];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((values[i] - mean) / scale);
        }
    }
}
