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
        goal.CopyTo(Target);
        Array.Clear(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var vector = DrawApart(Low, High, 0.15);
        vector.AsSpan(3, 3).CopyTo(Target);
        vector.AsSpan(0, 3).CopyTo(ObjectInit);
        TcpCenter(InitTcp);
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
        var objToTarget = Norm3(obj, Target);
        var tcpToObj = Norm3(obj, tcp);
        var inPlace = Tolerance.LongTail(objToTarget, 0, 0.05, Norm3(ObjectInit, Target));
        var grasped = Caging(action, obj, tcp);
        var reward = Tolerance.Hamacher(grasped, inPlace);
        if (tcpToObj < 0.02 && tcpOpened > 0 && obj[2] - 0.01 > ObjectInit[2])
        {
            reward += 1.0 + (5.0 * inPlace);
        }
        if (objToTarget < 0.05)
        {
            reward = 10.0;
        }
        info[0] = objToTarget <= 0.07 ? 1 : 0;
        info[1] = tcpToObj <= 0.03 ? 1 : 0;
        info[2] = TouchingObject(_objectGeom) && tcpOpened > 0 && obj[2] - 0.02 > ObjectInit[2] ? 1 : 0;
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
        var xzMarginInit = Math.Sqrt(Square(ObjectInit[0] - InitTcp[0]) + 0.0 + Square(ObjectInit[2] - InitTcp[2])) - xzMargin;
        var xzCaging = Tolerance.LongTail(tcpToObjXz, 0, xzMargin, xzMarginInit);
        double closed = Math.Min(Math.Max(0, action[3]), 1);
        var caging = Tolerance.Hamacher(yCaging, xzCaging);
        var gripping = caging > 0.97 ? closed : 0.0;
        var cagingAndGripping = Tolerance.Hamacher(caging, gripping);
        return (cagingAndGripping + caging) / 2;
    }

    private static double Square(double value) => value * value;
}
