namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>Swimmer-v4: a three-link swimmer in a viscous fluid, rewarded for moving forward; it never terminates.</summary>
public sealed class Swimmer() : MuJoCoEnvironment(
    "mujoco-swimmer", "Swimmer-v4", "swimmer", frameSkip: 4, observationSize: 8, maxEpisodeSteps: 1000,
    ["reward_fwd", "reward_ctrl", "x_position", "y_position", "distance_from_origin", "x_velocity", "y_velocity", "forward_reward"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var xBefore = Simulation.Qpos[0];
        var yBefore = Simulation.Qpos[1];
        DoSimulation(action);
        var x = Simulation.Qpos[0];
        var y = Simulation.Qpos[1];
        var xVelocity = (x - xBefore) / Dt;
        var yVelocity = (y - yBefore) / Dt;
        var forward = 1.0 * xVelocity;
        var controlCost = 1e-4 * NumpyArithmetic.SumOfSquares(action);
        info[0] = forward;
        info[1] = -controlCost;
        info[2] = x;
        info[3] = y;
        info[4] = NumpyArithmetic.Norm([x, y]);
        info[5] = xVelocity;
        info[6] = yVelocity;
        info[7] = forward;
        return (forward - controlCost, false);
    }

    private protected override void ResetModel() => ResetWithUniformNoise(0.1);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[2..].CopyTo(observation);
        Simulation.Qvel.CopyTo(observation[(Simulation.Nq - 2)..]);
    }
}
