namespace Jat.Environments.MuJoCo.Locomotion;

/// <summary>
/// Reacher-v4: a two-joint arm brings its fingertip to a random target; the reward, computed before the physics
/// step as gymnasium does, is minus the distance and the squared action. 50 steps per episode.
/// </summary>
public sealed class Reacher : MuJoCoEnvironment
{
    private readonly int _fingertip;
    private readonly int _target;

    public Reacher()
        : base("mujoco-reacher", "Reacher-v4", "reacher", frameSkip: 2, observationSize: 11, maxEpisodeSteps: 50,
            ["reward_dist", "reward_ctrl"])
    {
        _fingertip = Simulation.BodyId("fingertip");
        _target = Simulation.BodyId("target");
    }

    private protected override (double Reward, bool Terminated) StepModel(ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> toTarget = stackalloc double[3];
        Difference(_fingertip, _target, toTarget);
        var distanceReward = -NumpyArithmetic.Norm(toTarget);
        var controlReward = -NumpyArithmetic.SumOfSquares(action);
        var reward = distanceReward + controlReward;
        DoSimulation(action);
        info[0] = distanceReward;
        info[1] = controlReward;
        return (reward, false);
    }

    private protected override void ResetModel()
    {
        var nq = Simulation.Nq;
        Span<double> qpos = stackalloc double[nq];
        Span<double> qvel = stackalloc double[Simulation.Nv];
        for (var i = 0; i < nq; i++)
        {
            qpos[i] = Random.Uniform(-0.1, 0.1) + InitQpos[i];
        }
        double goalX, goalY;
        do
        {
            goalX = Random.Uniform(-0.2, 0.2);
            goalY = Random.Uniform(-0.2, 0.2);
        }
        while (!(NumpyArithmetic.Norm([goalX, goalY]) < 0.2));
        qpos[nq - 2] = goalX;
        qpos[nq - 1] = goalY;
        AddUniform(InitQvel, 0.005, qvel);
        qvel[^2..].Clear();
        SetState(qpos, qvel);
    }

    private protected override void WriteObservation(Span<double> observation)
    {
        var qpos = Simulation.Qpos;
        observation[0] = Math.Cos(qpos[0]);
        observation[1] = Math.Cos(qpos[1]);
        observation[2] = Math.Sin(qpos[0]);
        observation[3] = Math.Sin(qpos[1]);
        qpos[2..].CopyTo(observation[4..]);
        Simulation.Qvel[..2].CopyTo(observation[(2 + qpos.Length)..]);
        Difference(_fingertip, _target, observation[(4 + qpos.Length)..]);
    }

    private void Difference(int from, int to, Span<double> into)
    {
        var a = Simulation.BodyPosition(from);
        var b = Simulation.BodyPosition(to);
        for (var i = 0; i < 3; i++)
        {
            into[i] = a[i] - b[i];
        }
    }
}
