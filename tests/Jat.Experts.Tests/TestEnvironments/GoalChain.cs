using Jat.Environments;

namespace Jat.Experts.Tests.TestEnvironments;

/// <summary>
/// A corridor of 9 cells; the agent starts in the middle and a cue in the observation says whether the goal is the
/// left or the right end. Actions: 0 left, 1 right, 2 stay. Reaching the goal ends the episode with MiniGrid's reward
/// <c>1 − 0.9 · steps / 20</c> (0.82 at best); 20 steps truncate with nothing. The observation is the discrete
/// vector [position, cue], so a policy that ignores the cue succeeds half the time at most.
/// </summary>
internal sealed class GoalChain : IDiscreteEnvironment
{
    public const int Cells = 9;
    public const int TimeLimit = 20;

    private Random _random = new(0);
    private int _position;
    private int _goalRight;
    private int _steps;

    public static EnvironmentSpec TaskSpec { get; } =
        new("test-goal-chain", "GoalChain", new ObservationLayout(0, DiscreteSize: 2), new DiscreteActions(3), TimeLimit);

    /// <summary>The best return: straight to the goal in 4 steps.</summary>
    public static double BestReturn => 1 - 0.9 * (Cells / 2) / (double)TimeLimit;

    public EnvironmentSpec Spec => TaskSpec;

    public Observation Observation { get; } = new(TaskSpec.Observation);

    public void Reset(ulong? seed = null)
    {
        if (seed is { } s)
        {
            _random = new Random((int)(s % int.MaxValue));
        }
        _position = Cells / 2;
        _goalRight = _random.Next(2);
        _steps = 0;
        Show();
    }

    public Transition Step(int action)
    {
        if (action is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(action));
        }
        _position = Math.Clamp(_position + action switch { 0 => -1, 1 => 1, _ => 0 }, 0, Cells - 1);
        _steps++;
        Show();
        if (_position == (_goalRight == 1 ? Cells - 1 : 0))
        {
            return new Transition(1 - 0.9 * _steps / TimeLimit, true, false);
        }
        return new Transition(0, false, _steps >= TimeLimit);
    }

    public void Dispose()
    {
    }

    private void Show()
    {
        Observation.Discrete[0] = _position;
        Observation.Discrete[1] = _goalRight;
    }
}
