using Jat.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// Continuous control: a diagonal Gaussian whose mean comes from one MLP and whose log standard deviation is a learnt
/// vector independent of the state, and a separate value MLP. The parameter names (<c>critic.*</c>,
/// <c>actor_mean.*</c>, <c>actor_logstd</c>) are those of CleanRL's <c>ppo_continuous_action</c> agent.
/// </summary>
internal sealed class GaussianActorCritic : ActorCritic
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    // Held for the process's life (as HeldScalars.One for the additions): an inline Scalar (x * -0.5, the hidden alpha
    // of 1 in a + b, the exponent 2 that TorchSharp's square() passes to pow) can be finalised by a collection on
    // another thread while libtorch still reads it, which failed a Humanoid run with "Unknown scalar type". Products,
    // quotients and differences of two tensors pass none.
    private static readonly Scalar MinusHalf = (-0.5).ToScalar();
    private static readonly Scalar MinusHalfLogTwoPi = (-HalfLogTwoPi).ToScalar();
    private static readonly Scalar GaussianEntropyConstant = (0.5 + HalfLogTwoPi).ToScalar();

    private readonly Sequential _critic;
    private readonly Sequential _actorMean;
    private readonly Parameter _actorLogStd;

    public GaussianActorCritic(
        int observationSize, int actionSize, int width, int hiddenLayers, Activation activation, Initialization initialization,
        double initialLogStd)
        : base(nameof(GaussianActorCritic))
    {
        _critic = Mlp.Create(observationSize, width, hiddenLayers, 1, activation, initialization, 1.0);
        _actorMean = Mlp.Create(observationSize, width, hiddenLayers, actionSize, activation, initialization, 0.01);
        _actorLogStd = nn.Parameter(full(1, actionSize, initialLogStd));
        register_module("critic", _critic);
        register_module("actor_mean", _actorMean);
        register_parameter("actor_logstd", _actorLogStd);
    }

    public override Tensor Value(Tensor observations) => _critic.call(observations).squeeze(-1);

    /// <summary>The stack that maps an observation to its mean action.</summary>
    public Sequential ActorMean => _actorMean;

    /// <summary>The standard deviation of each action component, the same for every state.</summary>
    public Tensor StandardDeviation => _actorLogStd.exp().squeeze(0);

    public override PolicySample Sample(Tensor observations, bool deterministic, Generator? generator)
    {
        var mean = _actorMean.call(observations);
        if (deterministic)
        {
            return new PolicySample(mean, LogProbability(mean, mean));
        }
        var noise = randn(mean.shape, generator: generator);
        var actions = mean.add(noise * _actorLogStd.exp(), HeldScalars.One);
        return new PolicySample(actions, LogProbability(mean, actions));
    }

    public override (Tensor LogProbabilities, Tensor Entropy) Evaluate(Tensor observations, Tensor actions)
    {
        var mean = _actorMean.call(observations);
        var entropy = _actorLogStd.add(GaussianEntropyConstant, HeldScalars.One).sum().expand(mean.shape[0]);
        return (LogProbability(mean, actions), entropy);
    }

    private Tensor LogProbability(Tensor mean, Tensor actions)
    {
        var z = (actions - mean) / _actorLogStd.exp();
        return ((z * z).mul(MinusHalf) - _actorLogStd).add(MinusHalfLogTwoPi, HeldScalars.One).sum(-1);
    }
}
