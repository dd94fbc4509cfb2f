namespace Jat.Environments.Tests.TestEnvironments;

/// <summary>
/// A BabyAI-like layout in miniature: a corridor of 9 cells, red at the left end and blue at the right; the mission
/// (the text part) names the end to reach. The discrete part is [position, steps taken], the image a 1 × 9 grey strip
/// with the agent's cell lit. Actions: 0 left, 1 right, 2 stay. Reaching the named end terminates with 1, the other
/// end with −1; 20 steps truncate. Random actions end episodes at many different steps.
/// </summary>
internal sealed class ColourCorridor : IDiscreteEnvironment
{
    public const int Cells = 9;
    public const int TimeLimit = 20;

    // Fixed strings, so that resets allocate nothing.
    private static readonly string[] Missions = ["go to the red end", "go to the blue end"];

    private System.Random _random = new(0);
    private int _position;
    private int _goalRight;
    private int _steps;

    public static EnvironmentSpec TaskSpec { get; } = new(
        "test-colour-corridor", "ColourCorridor",
        new ObservationLayout(0, DiscreteSize: 2, HasText: true, Image: new ImageShape(1, Cells, 1)),
        new DiscreteActions(3), TimeLimit);

    public EnvironmentSpec Spec => TaskSpec;

    public Observation Observation { get; } = new(TaskSpec.Observation);

    public void Reset(ulong? seed = null)
    {
        if (seed is { } s)
        {
            _random = new System.Random((int)(s % int.MaxValue));
        }
        _position = _random.Next(1, Cells - 1);
        _goalRight = _random.Next(2);
        _steps = 0;
        Show();
    }

    public Transition Step(int action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(action);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(action, 2);
        _position = Math.Clamp(_position + action switch { 0 => -1, 1 => 1, _ => 0 }, 0, Cells - 1);
        _steps++;
        Show();
        if (_position == 0 || _position == Cells - 1)
        {
            var right = _position == Cells - 1;
            return new Transition(right == (_goalRight == 1) ? 1 : -1, true, false);
        }
        return new Transition(0, false, _steps >= TimeLimit);
    }

    public void Dispose()
    {
    }

    private void Show()
    {
        Observation.Discrete[0] = _position;
        Observation.Discrete[1] = _steps;
        Observation.Text = Missions[_goalRight];
        Array.Fill(Observation.Image, (byte)64);
        Observation.Image[_position] = 255;
    }
}
