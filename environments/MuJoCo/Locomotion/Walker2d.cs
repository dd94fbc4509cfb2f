namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Walker2d-v4: a planar two-legged robot rewarded for walking forward; the episode terminates when the torso leaves
/// the height band (0.8, 2) or tilts beyond ±1 rad.
/// </summary>
public sealed class Walker2d() : MuJoCoEnvironment(
    "mujoco-walker", "Walker2d-v4", "walker2d", frameSkip: 4, observationSize: 17, maxEpisodeSteps: 1000,
    ["x_position", "x_velocity"])
{
    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var before = Simulation.Qpos[0];
        DoSimulation(action);
        var after = Simulation.Qpos[0];
        var velocity = (after - before) / Dt;
        var controlCost = 1e-3 * NumpyArithmetic.SumOfSquares(action);
        var reward = (velocity + 1.0) - controlCost;
        info[0] = after;
        info[1] = velocity;
        var z = Simulation.Qpos[1];
        var angle = Simulation.Qpos[2];
        var healthy = z > 0.8 && z < 2.0 && angle > -1.0 && angle < 1.0;
        return (reward, !healthy);
    }

    private protected override void ResetModel() => ResetWithUniformNoise(5e-3);

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[1..].CopyTo(observation);
        Clip(Simulation.Qvel, 10.0, observation[(Simulation.Nq - 1)..]);
    }
}
