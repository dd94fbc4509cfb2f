namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Ant-v4: a four-legged robot rewarded for moving its torso forward; the episode terminates when the state is not
/// finite or the torso leaves the height band [0.2, 1]. Contact forces are neither observed nor charged (v4 defaults).
/// </summary>
public sealed class Ant : MuJoCoEnvironment
{
    private readonly int _torso;

    public Ant()
        : base("mujoco-ant", "Ant-v4", "ant", frameSkip: 5, observationSize: 27, maxEpisodeSteps: 1000,
            ["reward_forward", "reward_ctrl", "reward_survive", "x_position", "y_position", "distance_from_origin",
             "x_velocity", "y_velocity", "forward_reward"])
    {
        _torso = Simulation.BodyId("torso");
    }

    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var xBefore = Simulation.BodyPosition(_torso)[0];
        var yBefore = Simulation.BodyPosition(_torso)[1];
        DoSimulation(action);
        var x = Simulation.BodyPosition(_torso)[0];
        var y = Simulation.BodyPosition(_torso)[1];
        var xVelocity = (x - xBefore) / Dt;
        var yVelocity = (y - yBefore) / Dt;
        var controlCost = 0.5 * NumpyArithmetic.SumOfSquares(action);
        const double healthyReward = 1.0;
        info[0] = xVelocity;
        info[1] = -controlCost;
        info[2] = healthyReward;
        info[3] = x;
        info[4] = y;
        info[5] = NumpyArithmetic.Norm([x, y]);
        info[6] = xVelocity;
        info[7] = yVelocity;
        info[8] = xVelocity;
        return ((xVelocity + healthyReward) - controlCost, !IsHealthy());
    }

    private bool IsHealthy()
    {
        foreach (var value in Simulation.Qpos)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        foreach (var value in Simulation.Qvel)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        var z = Simulation.Qpos[2];
        return z >= 0.2 && z <= 1.0;
    }

    private protected override void ResetModel() => ResetWithNormalVelocityNoise(0.1);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[2..].CopyTo(observation);
        Simulation.Qvel.CopyTo(observation[(Simulation.Nq - 2)..]);
    }
}
