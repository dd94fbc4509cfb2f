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
    private readonly double[] _target = new double[3];
    private readonly double[] _objectInit = new double[3];

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
        goal.CopyTo(_target);
        double[] init = [0.0, 0.6, 0.02];
        init.CopyTo(_objectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var restingHeight = BodyCom(_object)[2];
        double[] vector;
        do
        {
            vector = DrawRandomVector(Low, High);
        }
        while (Norm2(vector[0] - vector[3], vector[1] - vector[4]) < 0.15);
        _target[0] = vector[3];
        _target[1] = vector[4];
        _target[2] = restingHeight;
        _objectInit[0] = vector[0];
        _objectInit[1] = vector[1];
        _objectInit[2] = restingHeight;
        SetObjectXyz(_objectInit);
        SetSitePos(_goal, _target);
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        BodyCom(_object).CopyTo(slots);
        GeomQuaternion(_objectGeom, slots[3..7]);
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var tcpOpened = obs[3];
        var tcpToObj = Norm3(obj, tcp);
        var targetToObj = Norm3(obj, _target);
        var inPlace = Tolerance.LongTail(targetToObj, 0, 0.05, Norm3(_objectInit, _target));
        var grasped = GripperCaging(action, obj, _objectInit, objRadius: 0.015, padThreshold: 0.05, reachRadius: 0.01,
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
        info[2] = TouchingObject(_objectGeom) && tcpOpened > 0 && obj[2] - 0.02 > _objectInit[2] ? 1 : 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = targetToObj;
        info[6] = reward;
        return reward;
    }
}
