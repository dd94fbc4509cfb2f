namespace Jat.Experts.Policies;

/// <summary>How an unbounded Gaussian sample becomes an action within the box.</summary>
public enum ActionBounding
{
    /// <summary>Clip to the bounds (Sample Factory, CleanRL).</summary>
    Clip,

    /// <summary>Squash with tanh and rescale to the bounds.</summary>
    Tanh,
}
