using Jat.Environments.BabyAI.World;

namespace Jat.Environments.BabyAI.Language;

/// <summary>
/// "put … next to …": done when a drop leaves the object carried at the previous verification, one matching the moved
/// description, beside a cell where an object matching the fixed description is. Strict: any pickup fails.
/// </summary>
internal sealed class PutNextInstruction : ActionInstruction
{
    private WorldObject? _previouslyCarried;

    public PutNextInstruction(ObjectDescription moved, ObjectDescription fixedDescription, bool strict = false)
    {
        if (moved.Type == ObjectType.Door)
        {
            throw new ArgumentException("doors cannot be moved", nameof(moved));
        }
        Moved = moved;
        Fixed = fixedDescription;
        Strict = strict;
        Descriptions = [moved, fixedDescription];
    }

    /// <summary>The object to carry (MiniGrid's <c>desc_move</c>).</summary>
    public ObjectDescription Moved { get; }

    /// <summary>The object to put it beside (MiniGrid's <c>desc_fixed</c>).</summary>
    public ObjectDescription Fixed { get; }

    public bool Strict { get; }

    public override int NavigationsNeeded => 2;

    public override IReadOnlyList<ObjectDescription> Descriptions { get; }

    public override string Surface(RoomGrid env) => "put " + Moved.Surface(env) + " next to " + Fixed.Surface(env);

    public override void ResetVerifier(RoomGrid env)
    {
        base.ResetVerifier(env);
        _previouslyCarried = null;
        Moved.FindMatchingObjects(env);
        Fixed.FindMatchingObjects(env);
    }

    /// <summary>Whether a movable match already stands beside a fixed match (such layouts are rejected).</summary>
    public bool ObjectsAlreadyNext()
    {
        foreach (var obj in Moved.Objects)
        {
            if (obj.CurrentPosition is not { } a)
            {
                continue;
            }
            foreach (var b in Fixed.Positions)
            {
                if (a.IsNextTo(b))
                {
                    return true;
                }
            }
        }
        return false;
    }

    protected override VerifierStatus VerifyAction(MiniGridAction action)
    {
        var previouslyCarried = _previouslyCarried;
        _previouslyCarried = Env.Carrying;
        if (Strict && action == MiniGridAction.Pickup && Env.Carrying is not null)
        {
            return VerifierStatus.Failure;
        }
        if (action != MiniGridAction.Drop)
        {
            return VerifierStatus.Continue;
        }
        foreach (var obj in Moved.Objects)
        {
            if (!ReferenceEquals(previouslyCarried, obj) || obj.CurrentPosition is not { } a)
            {
                continue;
            }
            foreach (var b in Fixed.Positions)
            {
                if (a.IsNextTo(b))
                {
                    return VerifierStatus.Success;
                }
            }
        }
        return VerifierStatus.Continue;
    }
}
