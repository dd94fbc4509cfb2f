namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>HalfCheetah-v4: a planar cat-like robot rewarded for running forward; it never terminates.</summary>
public sealed class HalfCheetah() : MuJoCoEnvironment(
    "mujoco-halfcheetah", "HalfCheetah-v4", "half_cheetah", frameSkip: 5, observationSize: 17, maxEpisodeSteps: 1000,
    ["x_position", "x_velocity", "reward_run", "reward_ctrl"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var before = Simulation.Qpos[0];
        DoSimulation(action);
        var after = Simulation.Qpos[0];
        var velocity = (after - before) / Dt;
        var controlCost = 0.1 * NumpyArithmetic.SumOfSquares(action);
        var forward = 1.0 * velocity;
        info[0] = after;
        info[1] = velocity;
        info[2] = forward;
        info[3] = -controlCost;
        return (forward - controlCost, false);
    }

    private protected override void ResetModel() => ResetWithNormalVelocityNoise(0.1);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[1..].CopyTo(observation);
        Simulation.Qvel.CopyTo(observation[(Simulation.Nq - 1)..]);
    }
}
