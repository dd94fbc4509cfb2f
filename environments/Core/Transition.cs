namespace Jat.Environments;

/// <summary>What one step returned besides the observation, with gymnasium's two ways for an episode to end.</summary>
/// <param name="Terminated">The task reached a terminal state (fell, succeeded, died).</param>
/// <param name="Truncated">The time limit cut the episode.</param>
public readonly record struct Transition(double Reward, bool Terminated, bool Truncated)
{
    public bool Done => Terminated || Truncated;
}
