using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Jat.Experts.Policies;

/// <summary>
/// Discrete control: a categorical distribution over the actions from one MLP's logits and a separate value MLP,
/// named <c>critic.*</c> and <c>actor.*</c> as in CleanRL's <c>ppo</c> agent.
/// </summary>
internal sealed class CategoricalActorCritic : ActorCritic
{
    private readonly Sequential _critic;
    private readonly Sequential _actor;

    public CategoricalActorCritic(
        int observationSize, int actionCount, int width, int hiddenLayers, Activation activation, Initialization initialization)
        : base(nameof(CategoricalActorCritic))
    {
        _critic = Mlp.Create(observationSize, width, hiddenLayers, 1, activation, initialization, 1.0);
        _actor = Mlp.Create(observationSize, width, hiddenLayers, actionCount, activation, initialization, 0.01);
        register_module("critic", _critic);
        register_module("actor", _actor);
    }

    public override Tensor Value(Tensor observations) => _critic.call(observations).squeeze(-1);

    /// <summary>The stack that maps an observation to the logits of its actions.</summary>
    public Sequential Actor => _actor;

    public override PolicySample Sample(Tensor observations, bool deterministic, Generator? generator)
    {
        var logProbabilities = nn.functional.log_softmax(_actor.call(observations), -1);
        var actions = deterministic
            ? logProbabilities.argmax(-1)
            : multinomial(logProbabilities.exp(), 1, generator: generator).squeeze(-1);
        return new PolicySample(actions, logProbabilities.gather(-1, actions.unsqueeze(-1)).squeeze(-1));
    }

    public override (Tensor LogProbabilities, Tensor Entropy) Evaluate(Tensor observations, Tensor actions)
    {
        var logProbabilities = nn.functional.log_softmax(_actor.call(observations), -1);
        var entropy = -(logProbabilities.exp() * logProbabilities).sum(-1);
        return (logProbabilities.gather(-1, actions.unsqueeze(-1)).squeeze(-1), entropy);
    }
}
