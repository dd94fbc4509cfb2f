namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Humanoid-v4: a 3D humanoid rewarded for moving its centre of mass forward while its torso stays between 1 and 2 m
/// high; the episode terminates when it falls.
/// </summary>
public sealed class Humanoid() : MuJoCoEnvironment(
    "mujoco-humanoid", "Humanoid-v4", "humanoid", frameSkip: 5, observationSize: 376, maxEpisodeSteps: 1000,
    ["reward_linvel", "reward_quadctrl", "reward_alive", "x_position", "y_position", "distance_from_origin",
     "x_velocity", "y_velocity", "forward_reward"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var (xBefore, yBefore) = MassCenter();
        DoSimulation(action);
        var (x, y) = MassCenter();
        var xVelocity = (x - xBefore) / Dt;
        var yVelocity = (y - yBefore) / Dt;
        // Humanoid charges the control MuJoCo applied (float64), not the float32 action.
        var controlCost = 0.1 * NumpyArithmetic.SumOfSquares(Simulation.Ctrl);
        var forward = 1.25 * xVelocity;
        const double healthyReward = 5.0;
        info[0] = forward;
        info[1] = -controlCost;
        info[2] = healthyReward;
        info[3] = x;
        info[4] = y;
        info[5] = NumpyArithmetic.Norm([x, y]);
        info[6] = xVelocity;
        info[7] = yVelocity;
        info[8] = forward;
        var z = Simulation.Qpos[2];
        return ((forward + healthyReward) - controlCost, !(z > 1.0 && z < 2.0));
    }

    /// <summary>The mass-weighted mean of the bodies' centres of mass, x and y (gymnasium's <c>mass_center</c>).</summary>
    private (double X, double Y) MassCenter()
    {
        var mass = Simulation.BodyMass;
        var centres = Simulation.Xipos;
        double x = 0, y = 0;
        for (var body = 0; body < mass.Length; body++)
        {
            x += mass[body] * centres[3 * body];
            y += mass[body] * centres[(3 * body) + 1];
        }
        var total = NumpyArithmetic.PairwiseSum(mass);
        return (x / total, y / total);
    }

    private protected override void ResetModel() => ResetWithUniformNoise(1e-2);

    private protected override void WriteObservation(Span<double> observation) =>
        HumanoidObservation.Write(Simulation, observation);
}
