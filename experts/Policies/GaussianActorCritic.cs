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
        var actions = mean + noise * _actorLogStd.exp();
        return new PolicySample(actions, LogProbability(mean, actions));
    }

    public override (Tensor LogProbabilities, Tensor Entropy) Evaluate(Tensor observations, Tensor actions)
    {
        var mean = _actorMean.call(observations);
        var entropy = (_actorLogStd + (0.5 + HalfLogTwoPi)).sum().expand(mean.shape[0]);
        return (LogProbability(mean, actions), entropy);
    }

    private Tensor LogProbability(Tensor mean, Tensor actions)
    {
        var z = (actions - mean) / _actorLogStd.exp();
        return (z.square() * -0.5 - _actorLogStd - HalfLogTwoPi).sum(-1);
    }
}
