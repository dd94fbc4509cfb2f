namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Pusher-v4: a seven-joint arm pushes a cylinder to a goal; the reward, computed before the physics step as
/// gymnasium does, charges the object's distance to the goal and to the fingertip, and the squared action.
/// 100 steps per episode.
/// </summary>
public sealed class Pusher : MuJoCoEnvironment
{
    private readonly int _tipsArm;
    private readonly int _object;
    private readonly int _goal;

    public Pusher()
        : base("mujoco-pusher", "Pusher-v4", "pusher", frameSkip: 5, observationSize: 23, maxEpisodeSteps: 100,
            ["reward_dist", "reward_ctrl"])
    {
        _tipsArm = Simulation.BodyId("tips_arm");
        _object = Simulation.BodyId("object");
        _goal = Simulation.BodyId("goal");
    }

    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        var nearReward = -Distance(_object, _tipsArm);
        var distanceReward = -Distance(_object, _goal);
        var controlReward = -NumpyArithmetic.SumOfSquares(action);
        var reward = distanceReward + (0.1 * controlReward) + (0.5 * nearReward);
        DoSimulation(action);
        info[0] = distanceReward;
        info[1] = controlReward;
        return (reward, false);
    }

    private protected override void ResetModel()
    {
        double x, y;
        do
        {
            x = Random.Uniform(-0.3, 0);
            y = Random.Uniform(-0.2, 0.2);
        }
        while (!(NumpyArithmetic.Norm([x, y]) > 0.17));
        // gymnasium writes the object and goal positions into its initial state itself (it does not copy it).
        var qpos = MutableInitQpos;
        var nq = qpos.Length;
        qpos[nq - 4] = x;
        qpos[nq - 3] = y;
        qpos[nq - 2] = 0;
        qpos[nq - 1] = 0;
        Span<double> qvel = stackalloc double[Simulation.Nv];
        AddUniform(InitQvel, 0.005, qvel);
        qvel[^4..].Clear();
        SetState(qpos, qvel);
    }

    private protected override void WriteObservation(Span<double> observation)
    {
        Simulation.Qpos[..7].CopyTo(observation);
        Simulation.Qvel[..7].CopyTo(observation[7..]);
        Simulation.BodyPosition(_tipsArm).CopyTo(observation[14..]);
        Simulation.BodyPosition(_object).CopyTo(observation[17..]);
        Simulation.BodyPosition(_goal).CopyTo(observation[20..]);
    }

    private double Distance(int from, int to)
    {
        var a = Simulation.BodyPosition(from);
        var b = Simulation.BodyPosition(to);
        return NumpyArithmetic.Norm([a[0] - b[0], a[1] - b[1], a[2] - b[2]]);
    }
}
