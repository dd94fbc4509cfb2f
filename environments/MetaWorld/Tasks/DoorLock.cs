using Jat.Environments.MetaWorld.Sawyer;

namespace Jat.Environments.MetaWorld.Tasks;

/// <summary>
/// door-lock-v2 (turn the lock's lever down) and door-unlock-v2 (push it sideways from the locked position): the door
/// is drawn on the table; the observed object is the lever's start site (lock or unlock) with the door's orientation.
/// Lock: 2 · (gripper open ⊗ left pad near the lever, distances weighted ¼, 1, ½) + 8 · how far the lever went down.
/// Unlock: 2 · the gripper's shoulder near the lever + 8 · how far it went sideways. Both press 10 cm at most.
/// </summary>
public sealed class DoorLock : SawyerEnvironment
{
    private const double LockLength = 0.1;
    private static readonly double[] Low = [-0.1, 0.8, 0.15];
    private static readonly double[] High = [0.1, 0.85, 0.15];
    private static readonly double[] Scale = [0.25, 1.0, 0.5];
    private static readonly double[] ShoulderOffset = [0.0, 0.055, 0.07];

    private readonly bool _unlock;
    private readonly int _door, _lockLink, _doorLink, _lockStart;

    private DoorLock(string name, bool unlock, string lockStart)
        : base($"metaworld-{name}", $"{name}-v2", "sawyer_door_lock.xml", [0, 0.6f, 0.2f], [-0.5, 0.40, -0.15], [0.5, 1, 0.5])
    {
        _unlock = unlock;
        _door = Body("door");
        _lockLink = Body("lock_link");
        _doorLink = Body("door_link");
        _lockStart = Site(lockStart);
    }

    public static DoorLock Lock() => new("door-lock", unlock: false, "lockStartLock");

    public static DoorLock Unlock() => new("door-unlock", unlock: true, "lockStartUnlock");

    private protected override void ResetTaskState()
    {
    }

    private protected override void ResetModel()
    {
        ResetHand();
        DrawRandomVector(Low, High).CopyTo(Simulation.BodyPos.Slice(3 * _door, 3));
        if (_unlock)
        {
            // The lever starts turned down: qpos[9] is its joint.
            Simulation.Qpos[9] = 1.5708;
            Simulation.Qvel[9] = 0;
            Simulation.Forward();
        }
        else
        {
            // door-lock lets the door settle with five bare physics steps.
            for (var i = 0; i < FrameSkip; i++)
            {
                Simulation.Step();
            }
        }
        // obj_init_pos is a view of lock_link's live position; the goal is computed from it once, here.
        var lockPosition = BodyCom(_lockLink);
        double[] offset = _unlock ? [0.1, -0.04, 0.0] : [0.0, -0.04, -0.1];
        for (var i = 0; i < 3; i++)
        {
            Target[i] = lockPosition[i] + offset[i];
        }
    }

    private protected override void WriteObjects(Span<double> slots)
    {
        SiteXpos(_lockStart).CopyTo(slots);
        Simulation.Xquat.Slice(4 * _doorLink, 4).CopyTo(slots[3..7]);
    }

    private protected override double Evaluate(ReadOnlySpan<double> obs, ReadOnlySpan<float> action, Span<double> info)
    {
        var obj = obs.Slice(4, 3);
        double reach, near, pushed, objToTarget;
        if (_unlock)
        {
            Span<double> shoulder = stackalloc double[3];
            Span<double> shoulderInit = stackalloc double[3];
            var lockInit = BodyCom(_lockLink);
            for (var i = 0; i < 3; i++)
            {
                shoulder[i] = obs[i] + ShoulderOffset[i];
                shoulderInit[i] = InitTcp[i] + ShoulderOffset[i];
            }
            reach = ScaledNorm(shoulder, obj, Scale);
            near = Tolerance.LongTail(reach, 0, 0.02, ScaledNorm(shoulderInit, lockInit, Scale));
            objToTarget = Math.Abs(Target[0] - obj[0]);
            pushed = Tolerance.LongTail(objToTarget, 0, 0.005, LockLength);
        }
        else
        {
            // The margin's init_left_pad is a view of the pad's live position, so it equals the distance itself.
            reach = ScaledNorm(obj, LeftPad, Scale);
            near = Tolerance.LongTail(reach, 0, 0.01, ScaledNorm(obj, LeftPad, Scale));
            objToTarget = Math.Abs(Target[2] - obj[2]);
            pushed = Tolerance.LongTail(objToTarget, 0, 0.005, LockLength);
        }
        var reward = _unlock
            ? (2 * near) + (8 * pushed)
            : (2 * Tolerance.Hamacher(Math.Max(obs[3], 0.0), near)) + (8 * pushed);
        info[0] = objToTarget <= 0.02 ? 1 : 0;
        info[1] = reach <= 0.05 ? 1 : 0;
        info[2] = obs[3] > 0 ? 1 : 0;
        info[3] = near;
        info[4] = pushed;
        info[5] = objToTarget;
        info[6] = reward;
        return reward;
    }
}
