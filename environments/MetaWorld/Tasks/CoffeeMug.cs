using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// coffee-push-v2 (push the mug from the table's front into the machine, which stands behind the goal) and
/// coffee-pull-v2 (pull it out from under the machine, which stands behind the mug's start). Reward: the Hamacher
/// product of the base caging term (medium density, 70 % effort) and the long-tail closeness to the goal, measured
/// with x and y doubled; plus 1 + 5 · in-place when the gripper is open at the mug; 10 within 5 cm.
/// </summary>
public sealed class CoffeeMug : SawyerEnvironment
{
    private static readonly double[] Scale = [2.0, 2.0, 1.0];

    private readonly double[] _low, _high, _initialObject;
    private readonly bool _machineAtGoal;
    private readonly int _mug, _mugGeom, _machine, _mugGoal;

    private CoffeeMug(string name, double[] low, double[] high, double[] initialObject, bool machineAtGoal)
        : base($"metaworld-{name}", $"{name}-v2", "sawyer_coffee.xml", [0.0, 0.4, 0.2], [-0.5, 0.40, 0.05], [0.5, 1, 0.5])
    {
        _low = low;
        _high = high;
        _initialObject = initialObject;
        _machineAtGoal = machineAtGoal;
        _mug = Body("obj");
        _mugGeom = Geom("mug");
        _machine = Body("coffee_machine");
        _mugGoal = Site("mug_goal");
    }

    public static CoffeeMug Push() => new("coffee-push", [-0.1, 0.55, -0.001, -0.05, 0.7, -0.001], [0.1, 0.65, 0.001, 0.05, 0.75, 0.001],
        [0.0, 0.6, 0.0], machineAtGoal: true);

    public static CoffeeMug Pull() => new("coffee-pull", [-0.05, 0.7, -0.001, -0.1, 0.55, -0.001], [0.05, 0.75, 0.001, 0.1, 0.65, 0.001],
        [0, 0.75, 0.0], machineAtGoal: false);

    private protected override void ResetTaskState() => _initialObject.CopyTo(ObjectInit, 0);

    private protected override void ResetModel()
    {
        ResetHand();
        var vector = DrawApart(_low, _high, 0.15);
        SetObjectXyz(vector.AsSpan(0, 3), qposAt: 0);
        vector.AsSpan(0, 3).CopyTo(ObjectInit);
        vector.AsSpan(3, 3).CopyTo(Target);
        var anchor = _machineAtGoal ? Target : ObjectInit;
        var machine = Simulation.BodyPos.Slice(3 * _machine, 3);
        machine[0] = anchor[0] + 0.0;
        machine[1] = anchor[1] + 0.22;
        machine[2] = anchor[2] + 0.0;
        SetSitePos(_mugGoal, Target);
    }

    private protected override void WriteObjects(Span<double> slots) => BodyGeomSlot(_mug, _mugGeom, slots);

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        Span<double> tcp = stackalloc double[3];
        TcpCenter(tcp);
        var obj = obs.Slice(4, 3);
        var targetToObj = ScaledNorm(obj, Target, Scale);
        var inPlace = Tolerance.LongTail(targetToObj, 0, 0.05, ScaledNorm(ObjectInit, Target, Scale));
        var tcpOpened = obs[3];
        var tcpToObj = Norm3(obj, tcp);
        var grasped = GripperCaging(action, obj, ObjectInit, objRadius: 0.02, padThreshold: 0.05, reachRadius: 0.04,
            xzThreshold: 0.05, effort: 0.7, mediumDensity: true);
        var reward = Tolerance.Hamacher(grasped, inPlace);
        if (tcpToObj < 0.04 && tcpOpened > 0)
        {
            reward += 1.0 + (5.0 * inPlace);
        }
        if (targetToObj < 0.05)
        {
            reward = 10.0;
        }
        var objToTarget = Norm3(obj, Target);
        info[0] = objToTarget <= 0.07 ? 1 : 0;
        info[1] = tcpToObj <= 0.03 ? 1 : 0;
        info[2] = TouchingObject(_mugGeom) && tcpOpened > 0 ? 1 : 0;
        info[3] = grasped;
        info[4] = inPlace;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }
}
