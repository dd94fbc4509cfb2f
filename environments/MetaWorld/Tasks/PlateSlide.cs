using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// plate-slide-v2: slide a puck on a sliding joint into a goal net. Reward 8 · the Hamacher product of reaching the
/// puck and the puck's long-tail closeness to the goal; 10 within 5 cm. The hand's start is Meta-World's float32 array.
/// </summary>
public sealed class PlateSlide : SawyerEnvironment
{
    private static readonly double[] Low = [0.0, 0.6, 0.0, -0.1, 0.85, 0.0];
    private static readonly double[] High = [0.0, 0.6, 0.0, 0.1, 0.9, 0.0];

    private readonly int _puck, _puckGoal, _goal;
    private readonly double[] _target = new double[3];
    private readonly double[] _objectInit = new double[3];

    public PlateSlide()
        : base("metaworld-plate-slide", "plate-slide-v2", "sawyer_plate_slide.xml", [0.0, 0.6f, 0.2f], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _puck = Geom("puck");
        _puckGoal = Body("puck_goal");
        _goal = Site("goal");
    }

    private protected override void ResetTaskState()
    {
        double[] goal = [0.0, 0.85, 0.02];
        goal.CopyTo(_target);
        double[] init = [0.0, 0.6f, 0.0];
        init.CopyTo(_objectInit);
    }

    private protected override void ResetModel()
    {
        ResetHand();
        var vector = DrawRandomVector(Low, High);
        TcpCenter(InitTcp);
        vector.AsSpan(0, 3).CopyTo(_objectInit);
        vector.AsSpan(3, 3).CopyTo(_target);
        _target.CopyTo(Simulation.BodyPos.Slice(3 * _puckGoal, 3));
        Simulation.Qpos.Slice(9, 2).Clear();
        Simulation.Forward();
        SetSitePos(_goal, _target);
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        Simulation.GeomXpos.Slice(3 * _puck, 3).CopyTo(slots);
        GeomQuaternion(_puck, slots[3..7]);
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var objToTarget = Norm3(obj, _target);
        var inPlace = Tolerance.LongTail(objToTarget, 0, 0.05, Norm3(_objectInit, _target));
        var tcpToObj = Norm3(tcp, obj);
        var grasped = Tolerance.LongTail(tcpToObj, 0, 0.05, Norm3(InitTcp, _objectInit));
        var reward = 8 * Tolerance.Hamacher(grasped, inPlace);
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
