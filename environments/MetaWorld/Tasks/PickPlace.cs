using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// pick-place-v2: grasp a puck and carry it to a goal in the air. Reward: the Hamacher product of a caging term (pads
/// either side of the puck, gripper over it, closing) and a long-tail tolerance of the puck–goal distance, plus
/// 1 + 5 · in-place once the puck is lifted in the closed gripper; 10 within 5 cm of the goal.
/// </summary>
public sealed class PickPlace : SawyerEnvironment
{
    private static readonly double[] Low = [-0.1, 0.6, 0.02, -0.1, 0.8, 0.05];
    private static readonly double[] High = [0.1, 0.7, 0.02, 0.1, 0.9, 0.3];

    private readonly int _object, _objectGeom, _goal;
    private readonly double[] _target = new double[3];
    private readonly double[] _objectInit = new double[3];

    public PickPlace()
        : base("metaworld-pick-place", "pick-place-v2", "sawyer_pick_place_v2.xml", [0.0, 0.6, 0.2], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _object = Body("obj");
        _objectGeom = Geom("objGeom");
        _goal = Site("goal");
    }

    private protected override void ResetTaskState()
    {
        double[] goal = [0.1, 0.8, 0.2];
        goal.CopyTo(_target);
        Array.Clear(_objectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        double[] vector;
        do
        {
            vector = DrawRandomVector(Low, High);
        }
        while (Norm2(vector[0] - vector[3], vector[1] - vector[4]) < 0.15);
        vector.AsSpan(3, 3).CopyTo(_target);
        vector.AsSpan(0, 3).CopyTo(_objectInit);
        TcpCenter(InitTcp);
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
        var objToTarget = Norm3(obj, _target);
        var tcpToObj = Norm3(obj, tcp);
        var inPlace = Tolerance.LongTail(objToTarget, 0, 0.05, Norm3(_objectInit, _target));
        var grasped = Caging(action, obj, tcp);
        var reward = Tolerance.Hamacher(grasped, inPlace);
        if (tcpToObj < 0.02 && tcpOpened > 0 && obj[2] - 0.01 > _objectInit[2])
        {
            reward += 1.0 + (5.0 * inPlace);
        }
        if (objToTarget < 0.05)
        {
            reward = 10.0;
        }
        info[0] = objToTarget <= 0.07 ? 1 : 0;
        info[1] = tcpToObj <= 0.03 ? 1 : 0;
        info[2] = TouchingObject(_objectGeom) && tcpOpened > 0 && obj[2] - 0.02 > _objectInit[2] ? 1 : 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }

    /// <summary>This task's own caging term (high density: the mean of caging and caging-with-gripping).</summary>
    private double Caging(ReadOnlySpan<float> action, ReadOnlySpan<double> obj, ReadOnlySpan<double> tcp)
    {
        const double padMargin = 0.05, xzMargin = 0.005, radius = 0.015;
        var rightMargin = Math.Abs(Math.Abs(obj[1] - RightPad[1]) - padMargin);
        var leftMargin = Math.Abs(Math.Abs(obj[1] - LeftPad[1]) - padMargin);
        var right = Tolerance.LongTail(obj[1] - RightPad[1], radius, padMargin, rightMargin);
        var left = Tolerance.LongTail(LeftPad[1] - obj[1], radius, padMargin, leftMargin);
        var yCaging = Tolerance.Hamacher(left, right);
        var tcpToObjXz = Math.Sqrt(Square(tcp[0] - obj[0]) + 0.0 + Square(tcp[2] - obj[2]));
        var xzMarginInit = Math.Sqrt(Square(_objectInit[0] - InitTcp[0]) + 0.0 + Square(_objectInit[2] - InitTcp[2])) - xzMargin;
        var xzCaging = Tolerance.LongTail(tcpToObjXz, 0, xzMargin, xzMarginInit);
        double closed = Math.Min(Math.Max(0, action[3]), 1);
        var caging = Tolerance.Hamacher(yCaging, xzCaging);
        var gripping = caging > 0.97 ? closed : 0.0;
        var cagingAndGripping = Tolerance.Hamacher(caging, gripping);
        return (cagingAndGripping + caging) / 2;
    }

    private static double Square(double value) => value * value;
}
