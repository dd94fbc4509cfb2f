namespace Jat.Experts.Policies;

/// <summary>The nonlinearity between hidden layers.</summary>
internal enum Activation
{
    Tanh,
    Relu,
}
