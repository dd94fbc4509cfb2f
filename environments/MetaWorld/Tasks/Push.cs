using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// push-v2: push a puck along the table to a goal. Reward: 2 · the base caging term (high density), plus
/// 1 + reward + 5 · in-place when the gripper holds the puck; 10 within 5 cm of the goal. The goal and the puck's
/// start keep the puck's resting height.
/// </summary>
public sealed class Push : SawyerEnvironment
{
    private static readonly double[] Low = [-0.1, 0.6, 0.02, -0.1, 0.8, 0.01];
    private static readonly double[] High = [0.1, 0.7, 0.02, 0.1, 0.9, 0.02];

    private readonly int _object, _objectGeom, _goal;

    public Push()
        : base("metaworld-push", "push-v2", "sawyer_push_v2.xml", [0.0, 0.6, 0.2], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _object = Body("obj");
        _objectGeom = Geom("objGeom");
        _goal = Site("goal");
    }

    private protected override void ResetTaskState()
    {
        double[] goal = [0.1, 0.8, 0.02];
        goal.CopyTo(Target);
        double[] init = [0.0, 0.6, 0.02];
        init.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var restingHeight = BodyCom(_object)[2];
        var vector = DrawApart(Low, High, 0.15);
        Target[0] = vector[3];
        Target[1] = vector[4];
        Target[2] = restingHeight;
        ObjectInit[0] = vector[0];
        ObjectInit[1] = vector[1];
        ObjectInit[2] = restingHeight;
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
        var obj = obs.Slice(4, 3);
        var tcpOpened = obs[3];
        var tcpToObj = Norm3(obj, tcp);
        var targetToObj = Norm3(obj, Target);
        var inPlace = Tolerance.LongTail(targetToObj, 0, 0.05, Norm3(ObjectInit, Target));
        var grasped = GripperCaging(action, obj, ObjectInit, objRadius: 0.015, padThreshold: 0.05, reachRadius: 0.01,
            xzThreshold: 0.005, highDensity: true);
        var reward = 2 * grasped;
        if (tcpToObj < 0.02 && tcpOpened > 0)
        {
            reward += 1.0 + reward + (5.0 * inPlace);
        }
        if (targetToObj < 0.05)
        {
            reward = 10.0;
        }
        info[0] = targetToObj <= 0.05 ? 1 : 0;
        info[1] = tcpToObj <= 0.03 ? 1 : 0;
        info[2] = TouchingObject(_objectGeom) && tcpOpened > 0 && obj[2] - 0.02 > ObjectInit[2] ? 1 : 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }
}
