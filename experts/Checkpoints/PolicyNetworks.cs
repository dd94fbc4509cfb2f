using Jat.Experts.Dqn;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using static TorchSharp.torch;

namespace Jat.Experts.Checkpoints;

/// <summary>Builds the freshly initialised network a checkpoint header describes.</summary>
internal static class PolicyNetworks
{
    /// <summary>
    /// The network <paramref name="header"/> describes, on the CPU, initialised from the global generator (which a
    /// learner seeds first) and then, when <paramref name="weightsOf"/> is given (a resumed run's network, or a
    /// learner's for a snapshot), holding a copy of its weights.
    /// </summary>
    public static nn.Module Create(CheckpointHeader header, nn.Module? weightsOf)
    {
        var network = Create(header);
        if (weightsOf is not null)
        {
            try
            {
                network.load_state_dict(weightsOf.state_dict());
            }
            catch
            {
                network.Dispose();
                throw;
            }
        }
        return network;
    }

    public static nn.Module Create(CheckpointHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var features = header.Features;
        var actions = header.Actions;
        return header.Settings switch
        {
            PpoSettings ppo when features.Image is not null =>
                throw new NotSupportedException("PPO here takes observation vectors; frames need the DQN's Nature CNN."),
            PpoSettings ppo when actions.Continuous => new GaussianActorCritic(
                features.VectorSize, actions.Size, ppo.HiddenWidth, ppo.HiddenLayers, ppo.Activation, ppo.Initialization,
                ppo.InitialLogStd),
            PpoSettings ppo => new CategoricalActorCritic(
                features.VectorSize, actions.Size, ppo.HiddenWidth, ppo.HiddenLayers, ppo.Activation, ppo.Initialization),
            DqnSettings when actions.Continuous =>
                throw new NotSupportedException("DQN needs discrete actions."),
            DqnSettings dqn => new QNetwork(features, actions.Size, dqn.HiddenWidth, dqn.HiddenLayers, dqn.Initialization),
            _ => throw new NotSupportedException($"No network for {header.Settings.GetType().Name}."),
        };
    }
}
