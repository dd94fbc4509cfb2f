using static TorchSharp.torch;

namespace Jat.Model.Network;

/// <summary>
/// What a forward pass gives: for RL, the predicted actions (logits over the vocabulary for discrete actions, values
/// for continuous ones, per step) and the predicted next observations; for text, the logits; and when asked, the losses.
/// </summary>
public sealed record JatOutput
{
    /// <summary>observation_loss_coef · observation loss + action_loss_coef · action loss (RL); the text loss.</summary>
    public Tensor? Loss { get; init; }

    public Tensor? ObservationLoss { get; init; }

    public Tensor? ActionLoss { get; init; }

    /// <summary>RL: (batch, steps, …) the observation predicted from each action's position (null for BabyAI).</summary>
    public Tensor? PredictedObservations { get; init; }

    /// <summary>RL: (batch, steps, vocabulary) logits or (batch, steps, action size) values.</summary>
    public Tensor? PredictedActions { get; init; }

    /// <summary>Text: (batch, positions, vocabulary), only when asked for (the loss does not need them whole).</summary>
    public Tensor? Logits { get; init; }
}
