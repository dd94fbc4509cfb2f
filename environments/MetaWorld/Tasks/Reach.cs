using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// reach-v2 and reach-wall-v2: bring the gripper within 5 cm of a goal drawn above the table (behind a wall in the
/// second); the object (a puck) is only observed. Reward 10 · long-tail tolerance of the gripper–goal distance, with
/// the hand's start as its margin. The two differ in their model, their bounds and what <c>info</c> reports.
/// </summary>
public sealed class Reach : SawyerEnvironment
{
    private readonly double[] _low, _high;
    private readonly bool _wall;
    private readonly int _object, _objectGeom, _goal;

    private Reach(string task, string envId, string model, double[] low, double[] high, bool wall)
        : base(task, envId, model, [0.0, 0.6, 0.2], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _low = low;
        _high = high;
        _wall = wall;
        _object = Body("obj");
        _objectGeom = Geom("objGeom");
        _goal = Site("goal");
    }

    public static Reach Open() => new("metaworld-reach", "reach-v2", "sawyer_reach_v2.xml",
        [-0.1, 0.6, 0.02, -0.1, 0.8, 0.05], [0.1, 0.7, 0.02, 0.1, 0.9, 0.3], wall: false);

    public static Reach Wall() => new("metaworld-reach-wall", "reach-wall-v2", "sawyer_reach_wall_v2.xml",
        [-0.05, 0.6, 0.015, -0.05, 0.85, 0.05], [0.05, 0.65, 0.015, 0.05, 0.9, 0.3], wall: true);

    private protected override void ResetTaskState()
    {
        double[] goal = [-0.1, 0.8, 0.2];
        goal.CopyTo(Target);
        double[] init = [0.0, 0.6, 0.02];
        init.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var vector = DrawApart(_low, _high, 0.15);
        vector.AsSpan(3, 3).CopyTo(Target);
        vector.AsSpan(0, 3).CopyTo(ObjectInit);
        SetObjectXyz(ObjectInit);
        SetSitePos(_goal, Target);
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        BodyGeomSlot(_object, _objectGeom, slots);
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var tcpToTarget = Norm3(tcp, Target);
        var margin = Norm3(HandInitPos, Target);
        var inPlace = Tolerance.LongTail(tcpToTarget, 0, 0.05, margin);
        var reward = 10 * inPlace;
        info[0] = tcpToTarget <= 0.05 ? 1 : 0;
        info[1] = _wall ? 0 : tcpToTarget;
        info[2] = _wall ? 0 : 1;
        info[3] = _wall ? 0 : tcpToTarget;
        info[4] = inPlace;
        info[5] = tcpToTarget;
        info[6] = reward;
        return reward;
    }
}
