using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// plate-slide-v2, plate-slide-back-v2, plate-slide-side-v2 and plate-slide-back-side-v2: slide a puck on its two
/// sliding joints into a goal net (forward, back out of the net, sideways into a net at the side, or back out of it;
/// the last three share their reward). Forward: 8 · the Hamacher product of reaching the puck and the puck's long-tail closeness to the
/// goal. Back: 1.5 · reaching, or 2 + 7 · closeness once the gripper is low at the puck. 10 within 5 cm in both. The
/// hand's start is Meta-World's float32 array.
/// </summary>
public sealed class PlateSlide : SawyerEnvironment
{
    private readonly bool _shapedReward;
    private readonly double[] _low, _high, _initialGoal, _initialObject;
    private readonly int _puck, _puckGoal, _goal;

    private readonly double[] _puckStart;
    private readonly NetAt _net;

    private PlateSlide(string task, string envId, string model, bool shapedReward, NetAt net, double[] puckStart, double[] low,
        double[] high, double[] goal, double[] objectStart)
        : base(task, envId, model, [0.0, 0.6f, 0.2f], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _shapedReward = shapedReward;
        _net = net;
        _puckStart = puckStart;
        _low = low;
        _high = high;
        _initialGoal = goal;
        _initialObject = objectStart;
        _puck = Geom("puck");
        _puckGoal = Body("puck_goal");
        _goal = Site("goal");
    }

    public static PlateSlide Forward() => new("metaworld-plate-slide", "plate-slide-v2", "sawyer_plate_slide.xml", shapedReward: false, NetAt.Goal, [0, 0],
        [0.0, 0.6, 0.0, -0.1, 0.85, 0.0], [0.0, 0.6, 0.0, 0.1, 0.9, 0.0], [0.0, 0.85, 0.02], [0.0, 0.6f, 0.0]);

    public static PlateSlide Back() => new("metaworld-plate-slide-back", "plate-slide-back-v2", "sawyer_plate_slide.xml", shapedReward: true, NetAt.Unmoved, [0, 0.15],
        [0.0, 0.85, 0.0, -0.1, 0.6, 0.015], [0.0, 0.85, 0.0, 0.1, 0.6, 0.015], [0.0, 0.6, 0.015], [0.0, 0.85f, 0.0]);

    public static PlateSlide Side() => new("metaworld-plate-slide-side", "plate-slide-side-v2", "sawyer_plate_slide_sideway.xml", shapedReward: true, NetAt.Unmoved, [0, 0],
        [0.0, 0.6, 0.0, -0.3, 0.54, 0.0], [0.0, 0.6, 0.0, -0.25, 0.66, 0.0], [-0.25, 0.6, 0.015], [0.0, 0.6f, 0.0]);

    public static PlateSlide BackSide() => new("metaworld-plate-slide-back-side", "plate-slide-back-side-v2", "sawyer_plate_slide_sideway.xml",
        shapedReward: true, NetAt.PuckStart, [-0.15, 0],
        [-0.25, 0.6, 0.0, -0.05, 0.6, 0.015], [-0.25, 0.6, 0.0, 0.15, 0.6, 0.015], [0.0, 0.6, 0.015], [-0.25, 0.6f, 0.02f]);

    /// <summary>Where the reset puts the net's body: at the goal, at the puck's start, or where the model has it.</summary>
    private enum NetAt
    {
        Unmoved,
        Goal,
        PuckStart,
    }

    private protected override void ResetTaskState()
    {
        _initialGoal.CopyTo(Target);
        _initialObject.CopyTo(ObjectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var vector = DrawRandomVector(_low, _high);
        TcpCenter(InitTcp);
        vector.AsSpan(0, 3).CopyTo(ObjectInit);
        vector.AsSpan(3, 3).CopyTo(Target);
        // Back and side write the goal into data.xpos instead, which the next forward pass overwrites.
        if (_net != NetAt.Unmoved)
        {
            (_net == NetAt.Goal ? Target : ObjectInit).CopyTo(Simulation.BodyPos.Slice(3 * _puckGoal, 3));
        }
        _puckStart.CopyTo(Simulation.Qpos.Slice(9, 2));
        Simulation.Forward();
        SetSitePos(_goal, Target);
    }

    private protected override void WriteObjects(Span<double> slots) => GeomSlot(_puck, slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var objToTarget = Norm3(obj, Target);
        var shrink = _shapedReward ? 0.05 : 0;
        var inPlace = Tolerance.LongTail(objToTarget, 0, 0.05, Norm3(ObjectInit, Target) - shrink);
        var tcpToObj = Norm3(tcp, obj);
        var grasped = Tolerance.LongTail(tcpToObj, 0, 0.05, Norm3(InitTcp, ObjectInit) - shrink);
        double reward;
        if (_shapedReward)
        {
            reward = 1.5 * grasped;
            if (tcp[2] <= 0.03 && tcpToObj < 0.07)
            {
                reward = 2.0 + (7.0 * inPlace);
            }
        }
        else
        {
            reward = 8 * Tolerance.Hamacher(grasped, inPlace);
        }
        if (objToTarget < 0.05)
        {
            reward = 10.0;
        }
        info[0] = objToTarget <= 0.07 ? 1 : 0;
        info[1] = tcpToObj <= 0.03 ? 1 : 0;
        info[2] = 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }
}
