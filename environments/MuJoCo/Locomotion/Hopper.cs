namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Hopper-v4: a planar one-legged robot rewarded for hopping forward while healthy (torso high enough, upright, state
/// bounded); the episode terminates when it is not.
/// </summary>
public sealed class Hopper() : MuJoCoEnvironment(
    "mujoco-hopper", "Hopper-v4", "hopper", frameSkip: 4, observationSize: 11, maxEpisodeSteps: 1000,
    ["x_position", "x_velocity"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var before = Simulation.Qpos[0];
        DoSimulation(action);
        var after = Simulation.Qpos[0];
        var velocity = (after - before) / Dt;
        var controlCost = 1e-3 * NumpyArithmetic.SumOfSquares(action);
        // The healthy reward is paid even on the terminating step: gymnasium pays it when unhealthy too, as long as
        // unhealthy states terminate.
        var reward = (velocity + 1.0) - controlCost;
        info[0] = after;
        info[1] = velocity;
        return (reward, !IsHealthy());
    }

    private bool IsHealthy()
    {
        var qpos = Simulation.Qpos;
        var qvel = Simulation.Qvel;
        for (var i = 2; i < qpos.Length; i++)
        {
            if (!(qpos[i] > -100.0 && qpos[i] < 100.0))
            {
                return false;
            }
        }
        foreach (var v in qvel)
        {
            if (!(v > -100.0 && v < 100.0))
            {
                return false;
            }
        }
        return qpos[1] > 0.7 && qpos[2] > -0.2 && qpos[2] < 0.2;
    }

    private protected override void ResetModel() => ResetWithUniformNoise(5e-3);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[1..].CopyTo(observation);
        Clip(Simulation.Qvel, 10.0, observation[(Simulation.Nq - 1)..]);
    }
}
