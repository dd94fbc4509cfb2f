using Jat.Environments;

namespace Jat.Experts.Tests.TestEnvironments;

/// <summary>
/// A one-dimensional reaching task: the agent at x and a target t both start uniformly in [−1, 1]; the action in
/// [−1, 1] moves x by a quarter of itself; every step costs |x − t|; reaching within 0.05 of t terminates, and 20 steps
/// truncate. Standing still costs about 13 on average; heading straight for the target costs about 1.5.
/// </summary>
internal sealed class MoveToTarget : IContinuousEnvironment
{
    public const int TimeLimit = 20;

    private Random _random = new(0);
    private double _position;
    private double _target;
    private int _steps;

    public static EnvironmentSpec TaskSpec { get; } =
        new("test-move-to-target", "MoveToTarget", new ObservationLayout(2), new ContinuousActions([-1.0], [1.0]), TimeLimit);

    public EnvironmentSpec Spec => TaskSpec;

    public Observation Observation { get; } = new(TaskSpec.Observation);

    public void Reset(ulong? seed = null)
    {
        if (seed is { } s)
        {
            _random = new Random((int)(s % int.MaxValue));
        }
        _position = _random.NextDouble() * 2 - 1;
        _target = _random.NextDouble() * 2 - 1;
        _steps = 0;
        Show();
    }

    public Transition Step(ReadOnlySpan<float> action)
    {
        if (action.Length != 1 || !float.IsFinite(action[0]))
        {
            throw new ArgumentException("One finite action value expected.", nameof(action));
        }
        _position = Math.Clamp(_position + 0.25 * Math.Clamp(action[0], -1, 1), -1.5, 1.5);
        _steps++;
        var distance = Math.Abs(_position - _target);
        Show();
        var terminated = distance < 0.05;
        return new Transition(-distance, terminated, !terminated && _steps >= TimeLimit);
    }

    public void Dispose()
    {
    }

    private void Show()
    {
        Observation.Continuous[0] = _position;
        Observation.Continuous[1] = _target;
    }
}
