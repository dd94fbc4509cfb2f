namespace Jat.Experts.Policies;

/// <summary>The nonlinearity between hidden layers.</summary>
public enum Activation
{
    Tanh,
    Relu,
}
