namespace Jat.Experts.Policies;

/// <summary>How fresh layers get their weights.</summary>
public enum Initialization
{
    /// <summary>Orthogonal weights (gain √2 in hidden layers, a small gain for the output), zero biases, as CleanRL.</summary>
    Orthogonal,

    /// <summary>PyTorch's own defaults for each layer, as Sample Factory's <c>policy_initialization=torch_default</c>.</summary>
    TorchDefault,
}
